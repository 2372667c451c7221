<?php
// A must-use plugin of the recording: the front page is one line saying who is logged in, with a logout link
// (WordPress's own, nonce and all) for the recorder to click.
add_action('template_redirect', function () {
    $user = wp_get_current_user();
    echo '<p>Hello ' . esc_html($user->exists() ? $user->user_login : 'anon') . '</p>';
    if ($user->exists()) echo '<a id=logout href="' . esc_url(wp_logout_url(home_url('/'))) . '">Log out</a>';
    exit;
});
