<?php
// Debian's authentication sources: `admin` (core:AdminPassword, the admin interface's password login) among them.
require '/etc/simplesamlphp/authsources.php';
