<?php
// A site on Slim 3.12 (Debian's php-slim: Debian 12 has no Slim 4) with PHP's native session, as Slim's documentation
// suggests (session_start() in a middleware), for scripts/record-framework-hars.ts: session_regenerate_id(true) at
// login, session_destroy() at logout; PHP's session defaults (PHPSESSID, no HttpOnly, no SameSite), the session files
// in SESSION_DIR. Served by PHP's own server.
require 'Slim/autoload.php';

session_save_path(getenv('SESSION_DIR'));

$app = new Slim\App();

// The session middleware: every route runs with the session started.
$app->add(function ($request, $response, $next) {
    if (session_status() !== PHP_SESSION_ACTIVE) session_start();
    return $next($request, $response);
});

$form = '<form method=post action=/login><input name=username><input type=password name=password><button>Sign in</button></form>';

$app->get('/', function ($request, $response) {
    $_SESSION['visits'] = ($_SESSION['visits'] ?? 0) + 1;
    $user = htmlspecialchars($_SESSION['user'] ?? 'anon');
    return $response->write("<p>Hello $user visits={$_SESSION['visits']}</p><a id=logout href=/logout>Log out</a>");
});

$app->get('/login', function ($request, $response) use ($form) {
    return $response->write($form);
});

$app->post('/login', function ($request, $response) use ($form) {
    $body = $request->getParsedBody();
    if (($body['username'] ?? '') === 'alice' && ($body['password'] ?? '') === 'secret') {
        // As the security advice: a new session ID at login, the old session deleted.
        session_regenerate_id(true);
        $_SESSION['user'] = $body['username'];
        return $response->withRedirect('/');
    }
    return $response->write($form . 'bad');
});

// A page for the logged-in user alone: a visitor is sent to the login form.
$app->get('/account', function ($request, $response) {
    if (!isset($_SESSION['user'])) return $response->withRedirect('/login');
    return $response->write('<p>Account of ' . htmlspecialchars($_SESSION['user']) . '</p>');
});

$app->get('/logout', function ($request, $response) {
    session_destroy();
    return $response->withRedirect('/');
});

$app->run();
