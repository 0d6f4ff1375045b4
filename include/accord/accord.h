/*
 * accord.h: the stable C API of accord, and its only ABI promise.
 *
 * C99. Every function returns an accord_status (0 = ACCORD_OK, negative on failure); outputs go
 * through out-pointers; accord_last_error() gives this thread's message for the last failure.
 * No C++ exception ever crosses this boundary. ABI rules: docs/c-api.md.
 */
#ifndef ACCORD_H
#define ACCORD_H

#include <stddef.h>
#include <stdint.h>

#define ACCORD_VERSION_MAJOR 0
#define ACCORD_VERSION_MINOR 1
#define ACCORD_VERSION_PATCH 0
/** MAJOR*10000 + MINOR*100 + PATCH. */
#define ACCORD_VERSION_NUMBER \
    (ACCORD_VERSION_MAJOR * 10000 + ACCORD_VERSION_MINOR * 100 + ACCORD_VERSION_PATCH)

#if defined(_WIN32)
#  if defined(ACCORD_BUILDING_LIBRARY)
#    define ACCORD_API __declspec(dllexport)
#  else
#    define ACCORD_API __declspec(dllimport)
#  endif
#elif defined(__GNUC__)
#  define ACCORD_API __attribute__((visibility("default")))
#else
#  define ACCORD_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/** Status codes. Frozen: never renumber or reuse a value. Same numbers as accord::errc. */
typedef enum accord_status {
    ACCORD_OK = 0,
    ACCORD_ERROR = -1,        /**< unspecified internal failure */
    ACCORD_EINVALID = -2,     /**< invalid argument or option (including NULL handles) */
    ACCORD_ENOTFOUND = -3,    /**< unknown method, candidate, unit, index or file */
    ACCORD_ENOMEM = -4,       /**< out of memory */
    ACCORD_EPARSE = -5,       /**< malformed input; the message names file, line and column */
    ACCORD_EIO = -6,          /**< a file could not be opened or read */
    ACCORD_EOVERFLOW = -7,    /**< a count or weight is too large */
    ACCORD_EUNRESOLVED_TIE = -8, /**< a tie needed breaking under the "report" policy */
    ACCORD_ECANCELLED = -9,   /**< a progress callback asked to stop */
    ACCORD_EUNSUPPORTED = -10 /**< the method does not accept these ballots or options */
} accord_status;

/**
 * Version of the library actually loaded, as ACCORD_VERSION_NUMBER. Compare with the macro to
 * detect a header/library mismatch. Thread-safe. @since 0.1
 */
ACCORD_API unsigned accord_version_number(void);

/** Version string of the loaded library, e.g. "0.1.0". Static storage. @since 0.1 */
ACCORD_API const char *accord_version_string(void);

/**
 * Message of the last failure on the calling thread, or "" if none. Valid until the next accord
 * call on this thread. Never NULL. @since 0.1
 */
ACCORD_API const char *accord_last_error(void);

#ifdef __cplusplus
}
#endif

#endif /* ACCORD_H */
