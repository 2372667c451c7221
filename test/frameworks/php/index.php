<?php
// PHP's native sessions (Debian's php-cli, `php -S`), for scripts/record-framework-hars.ts.
session_start();
$path = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
if ($path === '/login.php' && $_SERVER['REQUEST_METHOD'] === 'POST') {
  if ($_POST['password'] === 'secret') {
    // SKIP_REGENERATE=1: the classic fixation bug, the pre-login ID kept.
    if (getenv('SKIP_REGENERATE') !== '1') session_regenerate_id(true);
    $_SESSION['user'] = $_POST['username'];
    header('Location: /'); exit;
  }
  echo '<form method=post action=/login.php><input name=username><input type=password name=password><button>Sign in</button></form>bad'; exit;
}
if ($path === '/login.php') { echo '<form method=post action=/login.php><input name=username><input type=password name=password><button>Sign in</button></form>'; exit; }
if ($path === '/logout.php') {
  $_SESSION = [];
  $p = session_get_cookie_params();
  setcookie(session_name(), '', time() - 42000, $p['path'], $p['domain'], $p['secure'], $p['httponly']);
  session_destroy();
  header('Location: /'); exit;
}
// /accounts/profile.php: the account page under a directory of its own, for a session cookie whose Path is that
// directory (php-native-cookie-path, session.cookie_path=/accounts/): inside the Path, /account.php outside it.
if ($path === '/account.php' || $path === '/accounts/profile.php') {
  if (!isset($_SESSION['user'])) { header('Location: /login.php'); exit; }
  echo '<p>Account of ' . htmlspecialchars($_SESSION['user']) . '</p>'; exit;
}
// /payment/return: a payment provider's return (its form POSTed from its own site, or a link), GET or POST.
if ($path === '/payment/return') {
  if (!isset($_SESSION['user'])) { header('Location: /login.php'); exit; }
  echo '<p>Payment received for ' . htmlspecialchars($_SESSION['user']) . '</p>'; exit;
}
$_SESSION['visits'] = ($_SESSION['visits'] ?? 0) + 1;
echo '<p>Hello ' . htmlspecialchars($_SESSION['user'] ?? 'anon') . ' visits=' . $_SESSION['visits'] . '</p><a id=logout href=/logout.php>Log out</a>';
// CONSENT_SCRIPT=1: home carries a cookie-consent script, as a consent manager's, that deletes every cookie it does not
// list as essential once the visitor declines the rest; PHPSESSID (PHP's default: no HttpOnly) is not on its list.
// COOKIE_FLOOD=<n>: home's script sets n small cookies of its own (an A/B-testing or analytics script gone wrong):
// past the 180 cookies Chrome keeps for a site it evicts the least recently used, PHPSESSID among them.
if (getenv('COOKIE_FLOOD')) {
  echo "<script>for (let i = 0; i < " . (int) getenv('COOKIE_FLOOD') . "; i++) document.cookie = 'exp_' + i + '=1; path=/';</script>";
}
if (getenv('CONSENT_SCRIPT') === '1') {
  echo "<script>const essential = ['cookie_consent']; for (const c of document.cookie.split('; ')) { const name = c.split('=')[0]; if (name && !essential.includes(name)) document.cookie = name + '=; Max-Age=0; path=/'; }</script>";
}
