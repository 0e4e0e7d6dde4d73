/* resolver-pool.c: a pool of actors sharing work
 *
 * A port of Pykka's "Pool of actors sharing work" example (contributed to Pykka by Kristian
 * Klette). A few Resolver actors look up the host names of a list of addresses with
 * GResolver. The main thread hands the inputs out in turn, without waiting, so the resolvers
 * work in parallel; then it waits for all the futures at once and prints each input with its
 * result, in the order of the inputs, the way Python's pprint prints a list of pairs.
 *
 * Run it without arguments for the built-in inputs, or give a pool size and the inputs:
 *
 *   resolver-pool 3 127.0.0.1 127.0.0.3 localhost
 *
 * The built-in inputs need no network: 127.0.0.1 and localhost are known to every machine's
 * /etc/hosts, and the other loopback addresses have no name anywhere. (127.0.0.2 is left out:
 * machines using systemd's nss-myhostname give it their own name.)
 *
 * In Pykka, each resolver prints "Finished resolving …" or "Failed resolving …" as soon as it
 * is done, so the order of those lines changes from run to run. Here the resolvers write them
 * to a shared report that the main thread prints sorted once everything is resolved.
 *
 * SPDX-FileCopyrightText: 2026 The pykka-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include <gio/gio.h>
#include <pykka-glib/pykka-glib.h>

static GMutex report_lock;
static GPtrArray *report;  /* lines written by the resolvers, under report_lock */

static void report_line (const char *format,
                         ...) G_GNUC_PRINTF (1, 2);

static void
report_line (const char *format,
             ...)
{
  va_list args;
  char *line;

  va_start (args, format);
  line = g_strdup_vprintf (format, args);
  va_end (args);

  g_mutex_lock (&report_lock);
  g_ptr_array_add (report, line);
  g_mutex_unlock (&report_lock);
}

/* Python's socket.gethostbyaddr (input)[0]: @input is an address or a host name, and the
 * result is the name the resolver gives to that address. A host name is first turned into
 * its IPv4 address (whether ::1 has a name depends on the machine's /etc/hosts). */
static char *
get_host_by_addr (GResolver   *resolver,
                  const char  *input,
                  GError     **error)
{
  g_autoptr(GInetAddress) address = NULL;

  if (g_hostname_is_ip_address (input))
    {
      address = g_inet_address_new_from_string (input);
      if (address == NULL)
        {
          g_set_error (error, G_RESOLVER_ERROR, G_RESOLVER_ERROR_NOT_FOUND,
                       "“%s” is not an address this example can look up", input);
          return NULL;
        }
    }
  else
    {
      g_autolist(GInetAddress) addresses = NULL;

      addresses = g_resolver_lookup_by_name_with_flags (resolver, input,
                                                        G_RESOLVER_NAME_LOOKUP_FLAGS_IPV4_ONLY,
                                                        NULL, error);
      if (addresses == NULL)
        return NULL;
      address = g_object_ref (addresses->data);
    }

  return g_resolver_lookup_by_address (resolver, address, NULL, error);
}

/* Resolver */

#define EXAMPLE_TYPE_RESOLVER (resolver_get_type ())
G_DECLARE_FINAL_TYPE (Resolver, resolver, EXAMPLE, RESOLVER, PykkaActor)

struct _Resolver
{
  PykkaActor parent_instance;

  GResolver *resolver;
};

G_DEFINE_FINAL_TYPE (Resolver, resolver, PYKKA_TYPE_ACTOR)

static char *
resolver_resolve (Resolver   *self,
                  const char *ip,
                  gpointer    user_data)
{
  g_autoptr(GError) error = NULL;
  char *host;

  /* As in Pykka, a failure is not an error of the method: its result is None. */
  host = get_host_by_addr (self->resolver, ip, &error);
  if (host != NULL)
    report_line ("Finished resolving %s", ip);
  else
    report_line ("Failed resolving %s", ip);
  return host;
}

static void
resolver_finalize (GObject *object)
{
  g_clear_object (&EXAMPLE_RESOLVER (object)->resolver);
  G_OBJECT_CLASS (resolver_parent_class)->finalize (object);
}

static void
resolver_class_init (ResolverClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = resolver_finalize;

  /* Method resolve(ip: str) -> str | None */
  g_signal_new_class_handler ("resolve", G_TYPE_FROM_CLASS (klass),
                              G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION,
                              G_CALLBACK (resolver_resolve), NULL, NULL, NULL,
                              G_TYPE_STRING, 1, G_TYPE_STRING);
}

static void
resolver_init (Resolver *self)
{
  self->resolver = g_resolver_get_default ();
}

/* Printing, the way Python's repr() and pprint show a list of (str, str | None) pairs */

static void
append_repr (GString    *out,
             const char *string)
{
  if (string == NULL)
    {
      g_string_append (out, "None");
      return;
    }
  g_string_append_c (out, '\'');
  for (const char *c = string; *c != '\0'; c++)
    {
      if (*c == '\'' || *c == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *c);
    }
  g_string_append_c (out, '\'');
}

static void
pprint_pairs (const char * const *keys,
              GPtrArray          *values)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *one_line = NULL;

  for (guint i = 0; i < values->len; i++)
    {
      const GValue *value = g_ptr_array_index (values, i);
      GString *item = g_string_new ("(");

      append_repr (item, keys[i]);
      g_string_append (item, ", ");
      append_repr (item, G_VALUE_HOLDS_STRING (value) ? g_value_get_string (value) : NULL);
      g_string_append_c (item, ')');
      g_ptr_array_add (items, g_string_free (item, FALSE));
    }
  g_ptr_array_add (items, NULL);

  /* pprint keeps the list on one line if it fits in 80 columns, else puts an item a line. */
  one_line = g_strjoinv (", ", (char **) items->pdata);
  if (strlen (one_line) + 2 <= 80)
    g_print ("[%s]\n", one_line);
  else
    {
      g_autofree char *item_a_line = g_strjoinv (",\n ", (char **) items->pdata);

      g_print ("[%s]\n", item_a_line);
    }
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

static const char * const default_inputs[] = {
  "127.0.0.1", "127.0.0.3", "127.0.0.4", "127.0.0.5", "127.0.0.6", "127.0.0.7", "localhost",
};

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) resolvers = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) hosts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) results = NULL;
  const char * const *ips = default_inputs;
  guint n_ips = G_N_ELEMENTS (default_inputs);
  guint64 pool_size = 3;

  if (argc - 1 >= 2)
    {
      if (!g_ascii_string_to_unsigned (argv[1], 10, 1, 1000, &pool_size, &error))
        {
          g_printerr ("Usage: %s [POOL-SIZE INPUT...]: %s\n", argv[0], error->message);
          return 2;
        }
      ips = (const char * const *) &argv[2];
      n_ips = argc - 2;
    }

  report = g_ptr_array_new_with_free_func (g_free);

  /* Start resolvers */
  for (guint i = 0; i < pool_size; i++)
    {
      g_autoptr(PykkaActor) actor = g_object_new (EXAMPLE_TYPE_RESOLVER, NULL);
      g_autoptr(PykkaActorRef) ref = NULL;
      PykkaActorProxy *proxy;

      ref = pykka_actor_start (actor, &error);
      if (ref == NULL)
        g_error ("%s", error->message);
      proxy = pykka_actor_ref_proxy (ref, &error);
      if (proxy == NULL)
        g_error ("%s", error->message);
      g_ptr_array_add (resolvers, proxy);
    }

  /* Distribute work by handing the inputs to the resolvers in turn (not blocking) */
  for (guint i = 0; i < n_ips; i++)
    {
      PykkaActorProxy *resolver = g_ptr_array_index (resolvers, i % resolvers->len);

      g_ptr_array_add (hosts, pykka_actor_proxy_call_va (resolver, "resolve",
                                                         G_TYPE_STRING, ips[i], G_TYPE_INVALID));
    }

  /* Gather results (blocking) */
  if (!pykka_future_get_all ((PykkaFuture * const *) hosts->pdata, hosts->len, PYKKA_FOREVER,
                             &results, &error))
    {
      g_printerr ("Resolving failed: %s\n", error->message);
      pykka_actor_registry_stop_all (pykka_actor_registry_get_default (), PYKKA_FOREVER, NULL);
      g_clear_pointer (&report, g_ptr_array_unref);
      return 1;
    }

  g_mutex_lock (&report_lock);
  g_ptr_array_sort (report, compare_strings);
  for (guint i = 0; i < report->len; i++)
    g_print ("%s\n", (const char *) g_ptr_array_index (report, i));
  g_mutex_unlock (&report_lock);

  pprint_pairs (ips, results);

  /* Clean up */
  pykka_actor_registry_stop_all (pykka_actor_registry_get_default (), PYKKA_FOREVER, NULL);
  g_clear_pointer (&report, g_ptr_array_unref);
  return 0;
}
