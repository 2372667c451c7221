<?php
// Home: counts visits in the session phpCAS started; the user where phpCAS has authenticated one.
require __DIR__ . '/cas.php';
$user = phpCAS::isAuthenticated() ? phpCAS::getUser() : null;
$_SESSION['visits'] = ($_SESSION['visits'] ?? 0) + 1;
?><!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Home</title></head>
<body>
<p><?= $user === null ? 'Not logged in' : 'Hello ' . htmlspecialchars($user) ?> (visit <?= $_SESSION['visits'] ?>)</p>
<p><a href="/login.php">Log in</a></p>
<p><a id="logout" href="/logout.php">Log out</a></p>
</body></html>
