<?php
// The users table of the recording app: alice / secret (bcrypt, as Laravel's Hash::make writes it).
$db = new PDO('sqlite:' . getenv('LARAVEL_DB'));
$db->exec('CREATE TABLE IF NOT EXISTS users (id INTEGER PRIMARY KEY, name TEXT, password TEXT, remember_token TEXT)');
$db->prepare('INSERT INTO users (name, password) VALUES (?, ?)')->execute(['alice', password_hash('secret', PASSWORD_BCRYPT)]);
