/* pykka-proxy-messages.h: the messages proxies send
 *
 * SPDX-FileCopyrightText: 2026 The pykka-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(PYKKA_GLIB_INSIDE) && !defined(PYKKA_COMPILATION)
#error "Only <pykka-glib/pykka-glib.h> can be included directly."
#endif

#include <glib-object.h>

#include <pykka-glib/pykka-types.h>

G_BEGIN_DECLS

typedef struct _PykkaProxyCall    PykkaProxyCall;
typedef struct _PykkaProxyGetAttr PykkaProxyGetAttr;
typedef struct _PykkaProxySetAttr PykkaProxySetAttr;

#define PYKKA_TYPE_PROXY_CALL     (pykka_proxy_call_get_type ())
#define PYKKA_TYPE_PROXY_GET_ATTR (pykka_proxy_get_attr_get_type ())
#define PYKKA_TYPE_PROXY_SET_ATTR (pykka_proxy_set_attr_get_type ())

PYKKA_AVAILABLE_IN_ALL
GType               pykka_proxy_call_get_type          (void) G_GNUC_CONST;
PYKKA_AVAILABLE_IN_ALL
PykkaProxyCall     *pykka_proxy_call_new               (const char         *attr_path,
                                                        const GValue       *args,
                                                        guint               n_args);
PYKKA_AVAILABLE_IN_ALL
PykkaProxyCall     *pykka_proxy_call_ref               (PykkaProxyCall     *self);
PYKKA_AVAILABLE_IN_ALL
void                pykka_proxy_call_unref             (PykkaProxyCall     *self);
PYKKA_AVAILABLE_IN_ALL
const char         *pykka_proxy_call_get_attr_path     (PykkaProxyCall     *self);
PYKKA_AVAILABLE_IN_ALL
const GValue       *pykka_proxy_call_get_args          (PykkaProxyCall     *self,
                                                        guint              *n_args);

PYKKA_AVAILABLE_IN_ALL
GType               pykka_proxy_get_attr_get_type      (void) G_GNUC_CONST;
PYKKA_AVAILABLE_IN_ALL
PykkaProxyGetAttr  *pykka_proxy_get_attr_new           (const char         *attr_path);
PYKKA_AVAILABLE_IN_ALL
PykkaProxyGetAttr  *pykka_proxy_get_attr_ref           (PykkaProxyGetAttr  *self);
PYKKA_AVAILABLE_IN_ALL
void                pykka_proxy_get_attr_unref         (PykkaProxyGetAttr  *self);
PYKKA_AVAILABLE_IN_ALL
const char         *pykka_proxy_get_attr_get_attr_path (PykkaProxyGetAttr  *self);

PYKKA_AVAILABLE_IN_ALL
GType               pykka_proxy_set_attr_get_type      (void) G_GNUC_CONST;
PYKKA_AVAILABLE_IN_ALL
PykkaProxySetAttr  *pykka_proxy_set_attr_new           (const char         *attr_path,
                                                        const GValue       *value);
PYKKA_AVAILABLE_IN_ALL
PykkaProxySetAttr  *pykka_proxy_set_attr_ref           (PykkaProxySetAttr  *self);
PYKKA_AVAILABLE_IN_ALL
void                pykka_proxy_set_attr_unref         (PykkaProxySetAttr  *self);
PYKKA_AVAILABLE_IN_ALL
const char         *pykka_proxy_set_attr_get_attr_path (PykkaProxySetAttr  *self);
PYKKA_AVAILABLE_IN_ALL
const GValue       *pykka_proxy_set_attr_get_value     (PykkaProxySetAttr  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PykkaProxyCall, pykka_proxy_call_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PykkaProxyGetAttr, pykka_proxy_get_attr_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PykkaProxySetAttr, pykka_proxy_set_attr_unref)

G_END_DECLS
