<?php
// A site on Symfony 5.4's HttpFoundation session (Debian's php-symfony-http-foundation), for
// scripts/record-framework-hars.ts: NativeSessionStorage with the options of Symfony's recipe (framework.yaml:
// HttpOnly, SameSite=Lax) and its native file handler in SESSION_DIR; migrate(true) at login, invalidate() at logout.
require '/usr/share/php/Symfony/Component/HttpFoundation/autoload.php';

use Symfony\Component\HttpFoundation\RedirectResponse;
use Symfony\Component\HttpFoundation\Request;
use Symfony\Component\HttpFoundation\Response;
use Symfony\Component\HttpFoundation\Session\Session;
use Symfony\Component\HttpFoundation\Session\Storage\Handler\NativeFileSessionHandler;
use Symfony\Component\HttpFoundation\Session\Storage\NativeSessionStorage;

$request = Request::createFromGlobals();
$storage = new NativeSessionStorage(
    // SESSION_COOKIE_LIFETIME: framework.session.cookie_lifetime in seconds (symfony-cookie-expiry), PHP's 0 by default.
    ['cookie_httponly' => true, 'cookie_samesite' => 'lax']
        + (getenv('SESSION_COOKIE_LIFETIME') !== false ? ['cookie_lifetime' => (int) getenv('SESSION_COOKIE_LIFETIME')] : []),
    new NativeFileSessionHandler(getenv('SESSION_DIR')),
);
$session = new Session($storage);
$request->setSession($session);
// As the security firewall's context listener does: a request that carries the session cookie reads the session.
if ($request->hasPreviousSession()) $session->start();
$form = '<form method=post action=/login><input name=username><input type=password name=password><button>Sign in</button></form>';

switch ($request->getPathInfo()) {
    case '/':
        $session->set('visits', $session->get('visits', 0) + 1);
        $user = htmlspecialchars($session->get('user', 'anon'));
        $response = new Response("<p>Hello $user visits={$session->get('visits')}</p><a id=logout href=/logout>Log out</a>");
        break;
    case '/login':
        if ($request->isMethod('POST')) {
            if ($request->request->get('password') === 'secret') {
                $session->migrate(true);
                $session->set('user', $request->request->get('username'));
                $response = new RedirectResponse('/');
                break;
            }
            $response = new Response($form . 'bad');
            break;
        }
        $response = new Response($form);
        break;
    case '/account':
        // A page for the logged-in user alone, as a firewall's access control: a visitor is sent to the login form.
        $user = $session->get('user');
        $response = $user === null ? new RedirectResponse('/login') : new Response('<p>Account of ' . htmlspecialchars($user) . '</p>');
        break;
    case '/logout':
        $session->invalidate();
        $response = new RedirectResponse('/');
        break;
    default:
        $response = new Response('Not found', 404);
}
$response->prepare($request)->send();
if ($session->isStarted()) $session->save();
