/* fuzz-envelope.c: libFuzzer target for message envelopes and the inbox
 *
 * The input is a program of inbox operations: push an envelope of a made-up message (with
 * or without a reply future), pop, measure, close, push after closing, take what is left.
 * A model queue checks order and length. Then the messages go to the running FuzzActor as
 * tells and asks: an ordinary message comes back equal (the actor echoes it); a proxy message
 * made up from the input is handled as a call, with a value or an access error.
 *
 * SPDX-FileCopyrightText: 2026 The pykka-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <stdio.h>

#include "fuzz-common.h"
#include "pykka-mailbox-private.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static gboolean
values_equal (const GValue *a,
              const GValue *b)
{
  char *text_a;
  char *text_b;
  gboolean equal;

  if (G_VALUE_TYPE (a) != G_VALUE_TYPE (b))
    return FALSE;
  text_a = g_strdup_value_contents (a);
  text_b = g_strdup_value_contents (b);
  equal = g_str_equal (text_a, text_b);
  g_free (text_a);
  g_free (text_b);
  return equal;
}

static void
run_inbox_program (FuzzInput *in)
{
  PykkaMailbox mailbox;
  GQueue model = G_QUEUE_INIT;
  gboolean closed = FALSE;

  memset (&mailbox, 0, sizeof mailbox);
  _pykka_mailbox_init (&mailbox);

  for (guint step = 0; step < 64 && !fuzz_input_empty (in); step++)
    {
      switch (fuzz_u8 (in) % 5)
        {
        case 0:
        case 1:
          {
            GValue message = G_VALUE_INIT;
            PykkaFuture *reply = (fuzz_u8 (in) & 1) ? pykka_future_new () : NULL;
            PykkaEnvelope *envelope;

            fuzz_value (in, &message, 0, TRUE);
            envelope = _pykka_envelope_new (PYKKA_ENVELOPE_MESSAGE, &message, reply);
            fuzz_check (values_equal (&envelope->message, &message));
            fuzz_check (envelope->reply_to == reply);
            if (_pykka_mailbox_push (&mailbox, envelope))
              {
                fuzz_check (!closed);
                g_queue_push_tail (&model, envelope);
              }
            else
              {
                fuzz_check (closed);
                _pykka_envelope_free (envelope);
              }
            g_value_unset (&message);
            g_clear_object (&reply);
          }
          break;
        case 2:
          if (!closed)
            {
              PykkaEnvelope *envelope = _pykka_mailbox_pop (&mailbox);

              fuzz_check (envelope == g_queue_pop_head (&model));
              if (envelope != NULL)
                _pykka_envelope_free (envelope);
            }
          break;
        case 3:
          fuzz_check (_pykka_mailbox_get_length (&mailbox) == g_queue_get_length (&model));
          break;
        default:
          fuzz_check (_pykka_mailbox_close (&mailbox) == !closed);
          closed = TRUE;
          fuzz_check (_pykka_mailbox_is_closed (&mailbox));
          break;
        }
    }

  /* Close, and take what is left: everything the model has, in order. */
  _pykka_mailbox_close (&mailbox);
  {
    PykkaEnvelope *envelope = _pykka_mailbox_steal_all (&mailbox);

    while (envelope != NULL)
      {
        PykkaEnvelope *next = envelope->next;

        fuzz_check (envelope == g_queue_pop_head (&model));
        envelope->next = NULL;
        _pykka_envelope_free (envelope);
        envelope = next;
      }
    fuzz_check (g_queue_is_empty (&model));
  }
  _pykka_mailbox_clear (&mailbox);
}

static void
send_to_actor (FuzzSession *session,
               FuzzInput   *in)
{
  for (guint i = 0; i < 4 && !fuzz_input_empty (in); i++)
    {
      GValue message = G_VALUE_INIT;
      GValue reply = G_VALUE_INIT;
      GError *error = NULL;
      gboolean is_proxy_message;

      if (fuzz_u8 (in) % 4 == 0)
        {
          /* A made-up attribute read or write. */
          char *path = fuzz_string (in, 64);

          if (fuzz_u8 (in) & 1)
            {
              g_value_init (&message, PYKKA_TYPE_PROXY_GET_ATTR);
              g_value_take_boxed (&message, pykka_proxy_get_attr_new (path));
            }
          else
            {
              GValue value = G_VALUE_INIT;

              fuzz_value (in, &value, 0, FALSE);
              g_value_init (&message, PYKKA_TYPE_PROXY_SET_ATTR);
              g_value_take_boxed (&message, pykka_proxy_set_attr_new (path, &value));
              g_value_unset (&value);
            }
          g_free (path);
        }
      else
        fuzz_value (in, &message, 0, TRUE);

      is_proxy_message = (G_VALUE_HOLDS (&message, PYKKA_TYPE_PROXY_CALL) ||
                          G_VALUE_HOLDS (&message, PYKKA_TYPE_PROXY_GET_ATTR) ||
                          G_VALUE_HOLDS (&message, PYKKA_TYPE_PROXY_SET_ATTR)) &&
                         g_value_get_boxed (&message) != NULL;

      /* A tell of a proxy message that fails would stop the actor: only ordinary ones. */
      if (!is_proxy_message)
        {
          fuzz_check (pykka_actor_ref_tell (session->ref, &message, &error));
          fuzz_check (error == NULL);
        }

      error = fuzz_future_error (pykka_actor_ref_ask (session->ref, &message), &reply);
      if (is_proxy_message)
        {
          if (error != NULL)
            fuzz_check (fuzz_is_access_error (error));
        }
      else
        {
          fuzz_check (error == NULL);
          fuzz_check (values_equal (&reply, &message));
        }
      g_clear_error (&error);
      if (G_IS_VALUE (&reply))
        g_value_unset (&reply);
      g_value_unset (&message);
    }
  fuzz_check (pykka_actor_ref_is_alive (session->ref));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  FuzzSession *session = fuzz_session_get ();
  FuzzInput in = { data, size, 0 };

  if (size == 0)
    return 0;
  if (fuzz_u8 (&in) & 1)
    run_inbox_program (&in);
  send_to_actor (session, &in);
  return 0;
}
