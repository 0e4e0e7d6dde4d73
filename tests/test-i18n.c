/* test-i18n.c: the messages of Pykka.Error errors are translated
 *
 * SPDX-FileCopyrightText: 2026 The pykka-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Run by tests/i18n/meson.build with LC_ALL=C.UTF-8 and LANGUAGE set to "de", "nb" or ""
 * (untranslated), and PYKKA_TEST_MO_DIR naming the build directory that holds the compiled
 * catalogs of po/ as "<lang>.mo". The program puts the catalog of its language where gettext
 * looks for it ("<that dir>/locale/<lang>/LC_MESSAGES/pykka-glib-1.mo"), binds the library's
 * domain there after pykka_init() bound it to the install location, and checks that errors of
 * the PYKKA_ERROR domain come with the translated message, the arguments filled in.
 */

#include <libintl.h>
#include <locale.h>

#include <pykka-glib/pykka-glib.h>

#define DOMAIN "pykka-glib-1"
#define WAIT_US (5 * G_USEC_PER_SEC)

/* What the messages must read in each language that the test runs in. */
typedef struct
{
  const char *language;
  const char *not_found;        /* "%s not found" */
  const char *already_started;  /* "%s was already started" */
  const char *already_set;      /* "The future has already been completed" */
  const char *timeout;          /* "Future was not completed within %g seconds", with 0 */
} Expected;

static const Expected expectations[] = {
  {
    "de",
    "%s nicht gefunden",
    "%s wurde bereits gestartet",
    "Das Future-Objekt wurde bereits abgeschlossen",
    "Das Future-Objekt wurde nicht innerhalb von 0 Sekunden abgeschlossen",
  },
  {
    "nb",
    "%s ble ikke funnet",
    "%s er allerede startet",
    "Future-objektet er allerede fullført",
    "Future-objektet ble ikke fullført innen 0 sekunder",
  },
  {
    "",
    "%s not found",
    "%s was already started",
    "The future has already been completed",
    "Future was not completed within 0 seconds",
  },
};

static const Expected *expected;
static char *locale_dir;

#define TEST_TYPE_ACTOR (test_actor_get_type ())
G_DECLARE_FINAL_TYPE (TestActor, test_actor, TEST, ACTOR, PykkaActor)

struct _TestActor
{
  PykkaActor parent_instance;
};

G_DEFINE_FINAL_TYPE (TestActor, test_actor, PYKKA_TYPE_ACTOR)

static void
test_actor_class_init (TestActorClass *klass)
{
}

static void
test_actor_init (TestActor *self)
{
}

/* Formats one of the expected messages, which take the description of an actor. */
static char *
expect_with_actor (const char    *format,
                   PykkaActorRef *ref)
{
  g_autofree char *description = pykka_actor_ref_to_string (ref);
  g_auto(GStrv) parts = g_strsplit (format, "%s", 2);

  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  return g_strconcat (parts[0], description, parts[1], NULL);
}

static void
test_tell_dead_actor (void)
{
  g_autoptr(PykkaActorRegistry) registry = pykka_actor_registry_new ();
  g_autoptr(PykkaActor) actor = g_object_new (TEST_TYPE_ACTOR, "registry", registry, NULL);
  g_autoptr(PykkaActorRef) ref = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_auto(GValue) value = G_VALUE_INIT;

  g_test_summary ("A tell to a dead actor fails with ACTOR_DEAD in the language of the user");

  ref = pykka_actor_start (actor, &error);
  g_assert_no_error (error);
  g_assert_true (pykka_actor_ref_stop (ref, WAIT_US, &error));
  g_assert_no_error (error);

  pykka_value_init_none (&value);
  g_assert_false (pykka_actor_ref_tell (ref, &value, &error));
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_ACTOR_DEAD);

  message = expect_with_actor (expected->not_found, ref);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_start_twice (void)
{
  g_autoptr(PykkaActorRegistry) registry = pykka_actor_registry_new ();
  g_autoptr(PykkaActor) actor = g_object_new (TEST_TYPE_ACTOR, "registry", registry, NULL);
  g_autoptr(PykkaActorRef) ref = NULL;
  g_autoptr(PykkaActorRef) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  g_test_summary ("A second start fails with ALREADY_STARTED in the language of the user");

  ref = pykka_actor_start (actor, &error);
  g_assert_no_error (error);
  again = pykka_actor_start (actor, &error);
  g_assert_null (again);
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_ALREADY_STARTED);

  message = expect_with_actor (expected->already_started, ref);
  g_assert_cmpstr (error->message, ==, message);

  g_clear_error (&error);
  g_assert_true (pykka_actor_registry_stop_all (registry, WAIT_US, &error));
  g_assert_no_error (error);
}

static void
test_future_set_twice (void)
{
  g_autoptr(PykkaFuture) future = pykka_future_new ();
  g_autoptr(GError) error = NULL;

  g_test_summary ("A second set of a future fails with ALREADY_SET in the language of the user");

  g_assert_true (pykka_future_set (future, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (pykka_future_set (future, NULL, &error));
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_ALREADY_SET);
  g_assert_cmpstr (error->message, ==, expected->already_set);
}

static void
test_future_timeout (void)
{
  g_autoptr(PykkaFuture) future = pykka_future_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GValue) value = G_VALUE_INIT;

  g_test_summary ("A get that times out fails with TIMEOUT in the language of the user, "
                  "with the number filled in");

  g_assert_false (pykka_future_get (future, 0, &value, &error));
  g_assert_error (error, PYKKA_ERROR, PYKKA_ERROR_TIMEOUT);
  g_assert_cmpstr (error->message, ==, expected->timeout);
}

/* Copies the catalog of @language, "<mo_dir>/<language>.mo", to where gettext looks for it,
 * "<mo_dir>/locale/<language>/LC_MESSAGES/pykka-glib-1.mo", and returns "<mo_dir>/locale". */
static char *
make_locale_dir (const char *mo_dir,
                 const char *language)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *mo_name = g_strconcat (language, ".mo", NULL);
  g_autofree char *source = g_build_filename (mo_dir, mo_name, NULL);
  g_autofree char *contents = NULL;
  g_autofree char *messages_dir = NULL;
  g_autofree char *target = NULL;
  char *dir = g_build_filename (mo_dir, "locale", NULL);
  gsize length;

  messages_dir = g_build_filename (dir, language, "LC_MESSAGES", NULL);
  g_assert_cmpint (g_mkdir_with_parents (messages_dir, 0755), ==, 0);

  g_file_get_contents (source, &contents, &length, &error);
  g_assert_no_error (error);
  target = g_build_filename (messages_dir, DOMAIN ".mo", NULL);
  g_file_set_contents (target, contents, length, &error);
  g_assert_no_error (error);

  return dir;
}

int
main (int    argc,
      char **argv)
{
  const char *language = g_getenv ("LANGUAGE");
  const char *mo_dir = g_getenv ("PYKKA_TEST_MO_DIR");
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  if (language == NULL)
    language = "";
  for (guint i = 0; i < G_N_ELEMENTS (expectations); i++)
    if (g_str_equal (expectations[i].language, language))
      expected = &expectations[i];
  if (expected == NULL)
    g_error ("No expected messages for LANGUAGE=%s", language);

  /* pykka_init () binds the domain to the install location, once; bind it to the catalogs of
   * this build afterwards. */
  pykka_init ();
  if (*language != '\0')
    {
      if (mo_dir == NULL)
        g_error ("PYKKA_TEST_MO_DIR is not set");
      locale_dir = make_locale_dir (mo_dir, language);
      g_assert_nonnull (bindtextdomain (DOMAIN, locale_dir));
    }

  g_test_add_func ("/i18n/tell-dead-actor", test_tell_dead_actor);
  g_test_add_func ("/i18n/start-twice", test_start_twice);
  g_test_add_func ("/i18n/future-set-twice", test_future_set_twice);
  g_test_add_func ("/i18n/future-timeout", test_future_timeout);
  status = g_test_run ();

  g_free (locale_dir);
  return status;
}
