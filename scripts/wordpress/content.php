<?php
/**
 * Puts the test content back: every post and comment is deleted and the same post and comments
 * are created again, with the same ids (posts from 40, comments from 10), texts and dates, so
 * that each test run starts from the same place. Run by setup.sh after install.php.
 */
declare(strict_types=1);

$_SERVER['HTTP_HOST'] = '127.0.0.1';
require '/usr/share/wordpress/wp-load.php';
add_filter('pre_wp_mail', '__return_false');
// No "new comment" notices and no comment flood check while seeding.
add_filter('notify_moderator', '__return_false');
add_filter('notify_post_author', '__return_false');

global $wpdb;
foreach ([$wpdb->comments, $wpdb->commentmeta, $wpdb->posts, $wpdb->postmeta, $wpdb->term_relationships] as $table) {
  $wpdb->query("TRUNCATE TABLE {$table}");
}
$wpdb->query("ALTER TABLE {$wpdb->comments} AUTO_INCREMENT = 10");
$wpdb->query("ALTER TABLE {$wpdb->posts} AUTO_INCREMENT = 40");
wp_cache_flush();

$admin = get_user_by('login', getenv('WP_ADMIN_USER') ?: 'moderator');
if (!$admin) {
  fwrite(STDERR, "the admin user is missing; run install.php first\n");
  exit(1);
}

$post = wp_insert_post([
  'post_title' => 'Nya cykelvägar i Tyresö centrum',
  'post_name' => 'nya-cykelvagar-i-tyreso-centrum',
  'post_status' => 'publish',
  'post_content' => 'Till våren bygger vi nya cykelvägar mellan Tyresö centrum, Trollbäcken och Bollmora.',
  'post_author' => $admin->ID,
  'post_date' => '2025-11-03 09:00:00',
  'comment_status' => 'open',
], true);
if (is_wp_error($post)) {
  fwrite(STDERR, 'could not create the post: ' . $post->get_error_message() . "\n");
  exit(1);
}

$count = 0;
/** Adds one comment; $approved is 1 (approved) or 0 (pending). */
$comment = function (string $author, string $email, string $text, string $date, int $approved = 1, int $parent = 0, int $user = 0) use ($post, &$count): int {
  $count++;
  $id = wp_insert_comment([
    'comment_post_ID' => $post,
    'comment_author' => $author,
    'comment_author_email' => $email,
    'comment_author_url' => '',
    'comment_author_IP' => '192.0.2.' . (10 + $count),
    'comment_agent' => 'Moderera test',
    'comment_content' => $text,
    'comment_date' => $date,
    'comment_date_gmt' => get_gmt_from_date($date),
    'comment_approved' => $approved,
    'comment_parent' => $parent,
    'user_id' => $user,
  ]);
  if (!$id) {
    fwrite(STDERR, "could not add the comment by {$author}\n");
    exit(1);
  }
  return (int) $id;
};

$comment('Anna Lindqvist', 'anna.lindqvist@example.se',
  'Tack för en jättebra satsning! Äntligen kan barnen cykla säkert till skolan 😊🚲', '2025-11-05 14:02:00');
$question = $comment('Erik Johansson', 'erik.j@example.se',
  "Hej!\nNär börjar bygget längs Njupkärrsvägen? Och blir det belysning längs hela sträckan?", '2025-11-05 16:47:00');
$comment('Johan Berg', 'johan.berg@example.se',
  "Gatlampan utanför Bollmoravägen 12 har varit trasig i två veckor. Det är kolsvart när man går hem från bussen.\n\nDessutom finns ett stort potthål vid busshållplatsen.",
  '2025-11-06 21:30:00');
$comment('Arg Medborgare', 'arg@example.se',
  'Vilken jävla skitplanering. Ni på kommunen är helt värdelösa.', '2025-11-07 07:05:00');
$comment('Anonym', 'anonym@example.se',
  'Min granne Karin Persson (19780523-2464) får försörjningsstöd och hennes son är LVU-placerad. Varför ska hon få förtur till cykelvägen?',
  '2025-11-07 10:20:00', 0);
$comment('Tyresö kommun', 'moderator@example.org',
  "Hej Erik! Bygget börjar i mars och hela sträckan får belysning. Läs mer på <a href=\"https://www.tyreso.se/cykel\">tyreso.se/cykel</a>.\n\nVänliga hälsningar,\nLisa Ek, kommunikatör",
  '2025-11-06 09:12:00', 1, $question, $admin->ID);

wp_update_comment_count_now($post);
fwrite(STDERR, "reset: post {$post}, {$count} comments from id 10\n");
