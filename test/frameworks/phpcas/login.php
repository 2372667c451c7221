<?php
// The protected page: phpCAS::forceAuthentication() sends a visitor without a CAS login to the CAS server, validates
// the ticket it comes back with and redirects to this page without it.
require __DIR__ . '/cas.php';
phpCAS::forceAuthentication();
?><!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Logged in</title></head>
<body>
<p>Logged in as <?= htmlspecialchars(phpCAS::getUser()) ?></p>
<p><a href="/">Home</a></p>
<p><a id="logout" href="/logout.php">Log out</a></p>
</body></html>
