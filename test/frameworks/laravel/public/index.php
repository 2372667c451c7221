<?php
// Laravel 8 (Debian's php-laravel-framework), its `web` middleware group as laravel/laravel ships it (encrypted
// cookies, the session, CSRF), and the login and logout of Laravel's authentication documentation:
// Auth::attempt() then session()->regenerate(); Auth::logout(), session()->invalidate(), regenerateToken().
// For scripts/record-framework-hars.ts.
namespace App;

require '/usr/share/php/Illuminate/autoload.php';

use Illuminate\Http\Request;
use Illuminate\Support\Facades\Auth;
use Illuminate\Support\Facades\Route;

class Kernel extends \Illuminate\Foundation\Http\Kernel
{
    protected $middlewareGroups = [
        'web' => [
            \Illuminate\Cookie\Middleware\EncryptCookies::class,
            \Illuminate\Cookie\Middleware\AddQueuedCookiesToResponse::class,
            \Illuminate\Session\Middleware\StartSession::class,
            \Illuminate\Foundation\Http\Middleware\VerifyCsrfToken::class,
            \Illuminate\Routing\Middleware\SubstituteBindings::class,
        ],
    ];
}

class RouteServiceProvider extends \Illuminate\Foundation\Support\Providers\RouteServiceProvider
{
    public function boot()
    {
        $this->routes(fn () => Route::middleware('web')->group(__DIR__ . '/../routes.php'));
    }
}

$app = new \Illuminate\Foundation\Application(dirname(__DIR__));
// What Laravel writes (its caches, logs, compiled views) goes to the recording's own directory, not the app's.
$work = getenv('LARAVEL_WORK') ?: sys_get_temp_dir();
$app->useStoragePath($work);
foreach (['SERVICES', 'PACKAGES', 'CONFIG', 'ROUTES', 'EVENTS'] as $cache) {
    putenv("APP_{$cache}_CACHE=$work/" . strtolower($cache) . '.php');
    $_ENV["APP_{$cache}_CACHE"] = "$work/" . strtolower($cache) . '.php';
}
$app->singleton(\Illuminate\Contracts\Http\Kernel::class, Kernel::class);
$app->singleton(\Illuminate\Contracts\Debug\ExceptionHandler::class, \Illuminate\Foundation\Exceptions\Handler::class);
$app->register(\Illuminate\Auth\AuthServiceProvider::class);
$app->register(\Illuminate\Database\DatabaseServiceProvider::class);
$app->register(\Illuminate\Hashing\HashServiceProvider::class);
// The error pages (404, 419 "Page Expired") are translated views: without the translator they render as 500s.
$app->register(\Illuminate\Translation\TranslationServiceProvider::class);
$kernel = $app->make(\Illuminate\Contracts\Http\Kernel::class);
$response = $kernel->handle($request = Request::capture())->send();
$kernel->terminate($request, $response);
