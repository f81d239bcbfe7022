<?php
/**
 * Installs the local test WordPress once, and on every run puts back the settings and the admin
 * user the tests rely on. Run by setup.sh (php install.php) after it has written
 * /etc/wordpress/config-127.0.0.1.php. Environment: WP_ADMIN_USER, WP_ADMIN_PASSWORD.
 */
declare(strict_types=1);

// Debian's wp-config.php picks /etc/wordpress/config-<host>.php from the request's host.
$_SERVER['HTTP_HOST'] = '127.0.0.1';
define('WP_INSTALLING', true);
require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/user.php';

// No mail leaves a test install.
add_filter('pre_wp_mail', '__return_false');

$title = 'Tyresö kommuns blogg';
$login = getenv('WP_ADMIN_USER') ?: 'moderator';
$password = getenv('WP_ADMIN_PASSWORD') ?: '';
$email = 'moderator@example.org';
if ($password === '') {
  fwrite(STDERR, "WP_ADMIN_PASSWORD is not set\n");
  exit(1);
}
// Swedish admin when wordpress-l10n is installed.
$locale = in_array('sv_SE', get_available_languages(), true) ? 'sv_SE' : '';

if (!is_blog_installed()) {
  $result = wp_install($title, $login, $email, false, '', wp_slash($password), $locale);
  fwrite(STDERR, "installed WordPress " . get_bloginfo('version') . " for {$result['url']}\n");
}

update_option('blogname', $title);
update_option('blogdescription', 'Nyheter från Tyresö kommun');
update_option('WPLANG', $locale);
update_option('timezone_string', 'Europe/Stockholm');
update_option('date_format', 'Y-m-d');
update_option('time_format', 'H:i');
// Avatars would be fetched from gravatar.com by the browser; the tests run offline.
update_option('show_avatars', 0);
update_option('permalink_structure', '');
// No "is this still your e-mail address?" screen after logging in.
update_option('admin_email_lifespan', time() + 10 * YEAR_IN_SECONDS);

$user = get_user_by('login', $login);
if (!$user) {
  $id = wp_insert_user([
    'user_login' => $login,
    'user_pass' => $password,
    'user_email' => $email,
    'role' => 'administrator',
  ]);
  if (is_wp_error($id)) {
    fwrite(STDERR, 'could not create the admin user: ' . $id->get_error_message() . "\n");
    exit(1);
  }
  $user = get_user_by('id', $id);
} elseif (!wp_check_password($password, $user->user_pass, $user->ID)) {
  wp_set_password($password, $user->ID);
}
$user->set_role('administrator');
wp_update_user(['ID' => $user->ID, 'display_name' => 'Tyresö kommun', 'first_name' => 'Lisa', 'last_name' => 'Ek']);
// The admin screens follow the site's language.
delete_user_meta($user->ID, 'locale');
fwrite(STDERR, 'WordPress ' . get_bloginfo('version') . ', locale ' . ($locale ?: 'en_US') . ", admin user {$login}\n");
