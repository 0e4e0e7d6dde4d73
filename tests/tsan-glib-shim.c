/* tsan-glib-shim.c: make GLib's mutexes and condition variables visible to ThreadSanitizer
 *
 * GLib on Linux implements GMutex and GCond with raw futex calls, which ThreadSanitizer does
 * not see, so every structure protected by a GMutex looks racy to it. In ThreadSanitizer builds
 * the test programs carry these definitions, which interpose GLib's (the test programs export
 * them) and tell ThreadSanitizer about each lock and unlock. Nothing else changes.
 *
 * SPDX-FileCopyrightText: 2026 The pykka-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#define _GNU_SOURCE
#include <dlfcn.h>
#include <glib.h>

void __tsan_acquire (void *addr);
void __tsan_release (void *addr);

#define REAL(name) \
  static __typeof__ (&name) real_##name; \
  if G_UNLIKELY (real_##name == NULL) \
    real_##name = (__typeof__ (&name)) dlsym (RTLD_NEXT, #name)

void
g_mutex_lock (GMutex *mutex)
{
  REAL (g_mutex_lock);
  real_g_mutex_lock (mutex);
  __tsan_acquire (mutex);
}

gboolean
g_mutex_trylock (GMutex *mutex)
{
  gboolean locked;

  REAL (g_mutex_trylock);
  locked = real_g_mutex_trylock (mutex);
  if (locked)
    __tsan_acquire (mutex);
  return locked;
}

void
g_mutex_unlock (GMutex *mutex)
{
  REAL (g_mutex_unlock);
  __tsan_release (mutex);
  real_g_mutex_unlock (mutex);
}

void
g_cond_wait (GCond  *cond,
             GMutex *mutex)
{
  REAL (g_cond_wait);
  __tsan_release (mutex);
  real_g_cond_wait (cond, mutex);
  __tsan_acquire (mutex);
}

gboolean
g_cond_wait_until (GCond  *cond,
                   GMutex *mutex,
                   gint64  end_time)
{
  gboolean signalled;

  REAL (g_cond_wait_until);
  __tsan_release (mutex);
  signalled = real_g_cond_wait_until (cond, mutex, end_time);
  __tsan_acquire (mutex);
  return signalled;
}

/* GObject's reference count lives in (uninstrumented) libgobject: tell ThreadSanitizer that
 * whatever a thread did with an object happens before the object is finalized by whichever
 * thread drops the last reference. */
void
g_object_unref (gpointer object)
{
  REAL (g_object_unref);
  __tsan_release (object);
  __tsan_acquire (object);
  real_g_object_unref (object);
}
