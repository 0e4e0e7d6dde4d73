/* pykka-version-macros.h: export and availability macros
 *
 * SPDX-FileCopyrightText: 2026 The pykka-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(PYKKA_GLIB_INSIDE) && !defined(PYKKA_COMPILATION)
#error "Only <pykka-glib/pykka-glib.h> can be included directly."
#endif

#include <glib.h>

#include <pykka-glib/pykka-version.h>

#if (defined(_WIN32) || defined(__CYGWIN__)) && !defined(PYKKA_STATIC_BUILD)
# define _PYKKA_EXPORT __declspec(dllexport)
# define _PYKKA_IMPORT __declspec(dllimport)
#elif __GNUC__ >= 4
# define _PYKKA_EXPORT __attribute__((visibility("default")))
# define _PYKKA_IMPORT
#else
# define _PYKKA_EXPORT
# define _PYKKA_IMPORT
#endif

#ifdef PYKKA_COMPILATION
# define _PYKKA_API _PYKKA_EXPORT
#else
# define _PYKKA_API _PYKKA_IMPORT
#endif

#define _PYKKA_EXTERN _PYKKA_API extern

/* Each new release cycle adds a version symbol and an availability macro here. */
/**
 * PYKKA_VERSION_0_1:
 *
 * The version 0.1 of pykka-glib, encoded by PYKKA_ENCODE_VERSION(), for comparisons with
 * %PYKKA_VERSION_HEX and %PYKKA_VERSION_MIN_REQUIRED.
 *
 * Since: 0.1
 */
#define PYKKA_VERSION_0_1 (PYKKA_ENCODE_VERSION (0, 1, 0))

/**
 * PYKKA_VERSION_MIN_REQUIRED:
 *
 * The oldest version of pykka-glib that the including code is written for, encoded by
 * PYKKA_ENCODE_VERSION(). Define it before including `<pykka-glib/pykka-glib.h>`; it
 * defaults to %PYKKA_VERSION_0_1.
 *
 * Since: 0.1
 */
#ifndef PYKKA_VERSION_MIN_REQUIRED
# define PYKKA_VERSION_MIN_REQUIRED PYKKA_VERSION_0_1
#endif

/**
 * PYKKA_AVAILABLE_IN_ALL:
 *
 * Marks a public symbol that every version of pykka-glib has, and exports it from the
 * library.
 *
 * Since: 0.1
 */
#define PYKKA_AVAILABLE_IN_ALL _PYKKA_EXTERN
/**
 * PYKKA_AVAILABLE_IN_0_1:
 *
 * Marks a public symbol added in pykka-glib 0.1, and exports it from the library.
 *
 * Since: 0.1
 */
#define PYKKA_AVAILABLE_IN_0_1 _PYKKA_EXTERN
