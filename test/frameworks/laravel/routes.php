<?php
use Illuminate\Http\Request;
use Illuminate\Support\Facades\Auth;
use Illuminate\Support\Facades\Route;

$form = fn (string $error = '') => '<form method=post action=/login><input type=hidden name=_token value="' . csrf_token() . '">'
    . '<input name=username><input type=password name=password>'
    . '<label><input type=checkbox name=remember id=remember> Remember me</label><button>Sign in</button></form>' . $error;

Route::get('/', function (Request $request) {
    $request->session()->put('visits', $request->session()->get('visits', 0) + 1);
    $user = Auth::user();
    return '<p>Hello ' . e($user ? $user->name : 'anon') . ' visits=' . $request->session()->get('visits') . '</p>'
        . '<form method=post action=/logout><input type=hidden name=_token value="' . csrf_token() . '"><button id=logout>Log out</button></form>';
});
Route::get('/login', fn () => $form(session('error', '')));
Route::post('/login', function (Request $request) {
    // "Remember me" as Laravel's authentication documentation shows it: Auth::attempt($credentials, $remember).
    $remember = $request->boolean('remember');
    if (Auth::attempt(['name' => $request->input('username'), 'password' => $request->input('password')], $remember)) {
        $request->session()->regenerate();
        return redirect()->intended('/');
    }
    return back()->with('error', 'These credentials do not match our records.');
});
Route::post('/logout', function (Request $request) {
    Auth::logout();
    $request->session()->invalidate();
    $request->session()->regenerateToken();
    return redirect('/');
});
Route::get('/account', fn () => Auth::check()
    ? '<p>Account of ' . e(Auth::user()->name) . '</p><form method=post action=/account><input type=hidden name=_token value="'
        . csrf_token() . '"><input name=nickname><button id=save>Save</button></form>'
    : redirect('/login'));
// A form posted with the page's CSRF token: once the session holding the token is gone, Laravel answers 419 Page Expired.
Route::post('/account', fn () => Auth::check() ? redirect('/account') : redirect('/login'));
// A payment provider's return (its form POSTed from its own site, or a link): no CSRF token of ours, so the route is
// left out of the CSRF check, as VerifyCsrfToken's $except would; alice's payment, or a visitor sent to the login form.
Route::match(['get', 'post'], '/payment/return', fn () => Auth::check()
    ? '<p>Payment received for ' . e(Auth::user()->name) . '</p>'
    : redirect('/login'))->withoutMiddleware(\Illuminate\Foundation\Http\Middleware\VerifyCsrfToken::class);
