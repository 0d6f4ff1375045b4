/**
 * @file accord.h
 * @brief The stable C API of accord, and its only ABI promise.
 *
 * C99. Every function returns an accord_status (0 = ACCORD_OK, negative on failure); outputs go
 * through out-pointers; accord_last_error() gives this thread's message for the last failure.
 * No C++ exception ever crosses this boundary. ABI rules: docs/c-api.md.
 */
#ifndef ACCORD_H
#define ACCORD_H

#include <stddef.h>
#include <stdint.h>

/** Major version of this header: a change breaks the ABI (and the SONAME). @since 0.1 */
#define ACCORD_VERSION_MAJOR 0
/** Minor version of this header: functions were added. @since 0.1 */
#define ACCORD_VERSION_MINOR 5
/** Patch version of this header: bug fixes only. @since 0.1 */
#define ACCORD_VERSION_PATCH 0
/** MAJOR*10000 + MINOR*100 + PATCH. */
#define ACCORD_VERSION_NUMBER \
  (ACCORD_VERSION_MAJOR * 10000 + ACCORD_VERSION_MINOR * 100 + ACCORD_VERSION_PATCH)

/**
 * @def ACCORD_API
 * Marks a function exported by libaccord (default visibility; dllexport/dllimport on Windows).
 * @since 0.1
 */
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
    ACCORD_ERROR = -1,           /**< unspecified internal failure */
    ACCORD_EINVALID = -2,        /**< invalid argument or option (including NULL handles) */
    ACCORD_ENOTFOUND = -3,       /**< unknown method, candidate, unit, index or file */
    ACCORD_ENOMEM = -4,          /**< out of memory */
    ACCORD_EPARSE = -5,          /**< malformed input; the message names file, line and column */
    ACCORD_EIO = -6,             /**< a file could not be opened or read */
    ACCORD_EOVERFLOW = -7,       /**< a count or weight is too large */
    ACCORD_EUNRESOLVED_TIE = -8, /**< a tie needed breaking under the "report" policy */
    ACCORD_ECANCELLED = -9,      /**< a progress callback asked to stop */
    ACCORD_EUNSUPPORTED = -10    /**< the method does not accept these ballots or options */
} accord_status;

/**
 * Version of the library actually loaded, as ACCORD_VERSION_NUMBER. Compare with the macro to
 * detect a header/library mismatch. Thread-safe. @since 0.1
 */
ACCORD_API unsigned accord_version_number(void);

/** Version string of the loaded library, e.g. "0.4.0". Static storage. @since 0.1 */
ACCORD_API const char* accord_version_string(void);

/**
 * Message of the last failure on the calling thread, or "" if none. Valid until the next accord
 * call on this thread. Never NULL. @since 0.1
 */
ACCORD_API const char* accord_last_error(void);

/**
 * Sets the process-wide memory budget, in bytes, for the big algorithms (pairwise matrices,
 * exact Kemeny): each estimates its need before allocating and refuses with ACCORD_ENOMEM and a
 * message giving the estimate when it is above the budget. 0 restores the default: the
 * environment variable ACCORD_MAX_MEMORY (bytes, or with a K/M/G/T suffix) if set, else 4 GiB.
 * See docs/limits.md. Thread-safe; affects every thread. @since 0.5
 */
ACCORD_API void accord_set_memory_budget(uint64_t bytes);

/** The memory budget in force, in bytes (see accord_set_memory_budget()). Thread-safe. @since 0.5 */
ACCORD_API uint64_t accord_memory_budget(void);

/**
 * Names (candidates, units, items) holding bidirectional controls (U+202A-202E, U+2066-2069) or
 * invisible characters (U+200B, U+2060-2064, U+FEFF, U+00AD) are refused by default, because
 * they make distinct names look alike or display in another order than stored. allow != 0
 * accepts them and counts each such name (accord_hidden_names_accepted()) so the caller can warn;
 * 0 refuses them again. Control characters and invalid UTF-8 are refused either way. Default: the
 * environment variable ACCORD_HIDDEN_CHARACTERS ("allow" or "refuse"), else refuse. See
 * docs/formats.md, "Names". Thread-safe; affects every thread. @since 0.5
 */
ACCORD_API void accord_set_hidden_characters(int allow);

/** 1 when names may hold bidirectional controls and invisible characters, else 0. @since 0.5 */
ACCORD_API int accord_hidden_characters(void);

/** How many distinct names holding such characters were accepted since the process began.
 *  @since 0.5 */
ACCORD_API uint64_t accord_hidden_names_accepted(void);

/* ------------------------------------------------------------------------------------------ */
/* Handles                                                                                    */
/* ------------------------------------------------------------------------------------------ */

/**
 * A profile: candidates and ballots. Build it with accord_profile_new() and the add functions,
 * or load it from a file. Thread-safety: a profile may be read (counted, queried) from many
 * threads at once as long as no thread modifies it; modifying calls need exclusive access.
 * Must be freed with accord_profile_free(). @since 0.1
 */
typedef struct accord_profile accord_profile;

/**
 * The result of a count: winners, ranking, rounds, ties, JSON. Immutable once returned, so it
 * may be read from many threads at once. Its strings (JSON, scores, tallies) are built on first
 * request, once, safely under concurrent readers; a pointer once returned stays valid until
 * accord_result_free(). Must be freed with accord_result_free(). @since 0.1
 */
typedef struct accord_result accord_result;

/** Kinds of ballot a profile holds. Frozen values. @since 0.1 */
typedef enum accord_ballot_kind {
    ACCORD_BALLOT_RANKING = 0,  /**< rankings (weak orders, truncation allowed) */
    ACCORD_BALLOT_APPROVAL = 1, /**< approval sets */
    ACCORD_BALLOT_SCORE = 2     /**< an integer score per candidate */
} accord_ballot_kind;

/** In accord_profile_add_scores(): this candidate was not scored. @since 0.1 */
#define ACCORD_NO_SCORE INT32_MIN

/* ------------------------------------------------------------------------------------------ */
/* Profiles                                                                                   */
/* ------------------------------------------------------------------------------------------ */

/**
 * Creates an empty ranking profile with the given candidate names (UTF-8, non-empty, distinct).
 * @param n_candidates number of names (at least 1)
 * @param names        array of n_candidates strings; copied
 * @param out          receives the new profile; must be freed with accord_profile_free()
 * @return ACCORD_OK; ACCORD_EINVALID for NULL arguments, empty or duplicate names.
 * @since 0.1
 */
ACCORD_API accord_status accord_profile_new(size_t n_candidates, const char* const* names,
                                            accord_profile** out);

/**
 * As accord_profile_new(), for a given kind of ballot (an accord_ballot_kind value).
 * @return ACCORD_OK; ACCORD_EINVALID for an unknown kind or bad names. @since 0.1
 */
ACCORD_API accord_status accord_profile_new_kind(size_t n_candidates, const char* const* names, int kind,
                                                 accord_profile** out);

/**
 * Loads a ballot file.
 * @param path         file to read
 * @param format       "auto" (or NULL), or a format name of docs/formats.md's table ("soc", "blt",
 *                     "csv", "xlsx" (@since 0.5), ...)
 * @param options_json NULL or a JSON object of reading options: "lenient" (bool), and for CSV
 *                     "layout" ("rank-columns"|"candidate-columns"), "skipped_labels",
 *                     "overvote_labels", "write_in_labels", "skip_columns" (string arrays),
 *                     "overvote_delimiter", "unit_column", "weight_column", "count_column",
 *                     "write_in_name" (strings), "header" (bool), "candidates" (string array);
 *                     the CSV options apply to an .xlsx sheet too, which adds (@since 0.5)
 *                     "sheet" (name; default the first), "xlsx_max_bytes" and "xlsx_max_cells"
 *                     (limits, whole numbers > 0; docs/formats.md)
 *                     since 0.5: "layout" "ranking-cell", "ranking_delimiter", "encoding"
 *                     ("utf-8"|"windows-1252"), "contest" (CSV and CDF), "detect_columns" (bool);
 *                     "delimiter" is detected when not given;
 *                     since 0.5, score ballots: format "scores", or "layout" "score-columns",
 *                     with "score_range" ("LO..HI", e.g. "0..5"); a score profile results
 * @param out          receives the profile; must be freed with accord_profile_free()
 * @return ACCORD_OK; ACCORD_EIO if the file cannot be read; ACCORD_EPARSE for malformed input
 *         (the message names file, line and column; for .xlsx a damaged zip, a merged header, a
 *         limit exceeded); ACCORD_EOVERFLOW for counts past 2^63-1; ACCORD_ENOTFOUND for a
 *         sheet the workbook lacks; ACCORD_EINVALID for an unknown format or option.
 * @since 0.1
 */
ACCORD_API accord_status accord_profile_load(const char* path, const char* format, const char* options_json,
                                             accord_profile** out);

/**
 * As accord_profile_load(), from memory. `name` stands for the file name in error messages and
 * format detection (may be NULL). @since 0.1
 */
ACCORD_API accord_status accord_profile_load_text(const char* text, size_t length, const char* name,
                                                  const char* format, const char* options_json,
                                                  accord_profile** out);

/**
 * Adds every distinct ballot of `from` to `into`, exactly (counts, weights, and units by id): a
 * profile read from shards and merged is the profile of their concatenation. Candidates match by
 * name; those `into` lacks are appended in `from`'s order. Not thread-safe on `into`.
 * @return ACCORD_OK; ACCORD_EINVALID (and `into` unchanged) if the ballot kinds or seats differ,
 * or a shared candidate is withdrawn in one profile only. @since 0.5
 */
ACCORD_API accord_status accord_profile_merge(accord_profile* into, const accord_profile* from);

/**
 * The profile as compact JSON text (docs/scale.md: distinct ballots with exact counts, weights and
 * units), for shipping between processes; accord_profile_deserialize() reads it back exactly.
 * @param p   the profile (only read; safe beside other readers)
 * @param out receives a new string; free it with accord_string_free(). @since 0.5
 */
ACCORD_API accord_status accord_profile_serialize(const accord_profile* p, char** out);

/**
 * The profile accord_profile_serialize() wrote. Must be freed with accord_profile_free().
 * @param text   the summary text (need not be NUL-terminated)
 * @param length its length in bytes
 * @param out    receives the new profile (NULL on failure)
 * @return ACCORD_OK; ACCORD_EINVALID naming what is malformed. @since 0.5
 */
ACCORD_API accord_status accord_profile_deserialize(const char* text, size_t length, accord_profile** out);

/**
 * A participatory budget's figures as read from a Pabulib file (docs/formats.md): {"budget":
 * "920000" or null, "costs": {"project": "cost", ...} in candidate order, or null}; exact numbers
 * as strings ("501/2"). The `budget` rule uses them unless its options give them.
 * @param p   the profile (only read)
 * @param out receives a new string; free with accord_string_free()
 * @return ACCORD_OK; ACCORD_EINVALID for a NULL argument. @since 0.5
 */
ACCORD_API accord_status accord_profile_budget_json(const accord_profile* p, char** out);

/**
 * Sets them from the same shape: "budget" an exact number >= 0 (a JSON integer or a string such as
 * "1250.50" or "501/2") or null; "costs" every candidate's cost by name, or null. A key left out
 * is unchanged. Then the `budget` rule needs no costs or budget option, and the profile can be
 * saved as "pabulib".
 * @param p    the profile to change
 * @param json the object, as text
 * @return ACCORD_OK; ACCORD_EINVALID naming an unknown key, a missing candidate or a bad number
 *         (the profile unchanged); ACCORD_ENOTFOUND for a name that is not a candidate. @since 0.5
 */
ACCORD_API accord_status accord_profile_set_budget_json(accord_profile* p, const char* json);

/**
 * Writes the profile to a file in a format that docs/formats.md's table marks as written ("soc",
 * "blt", "csv", ...). @return ACCORD_OK; ACCORD_EUNSUPPORTED if the format cannot represent the profile;
 * ACCORD_EIO if the file cannot be written. @since 0.1
 */
ACCORD_API accord_status accord_profile_save(const accord_profile* p, const char* path, const char* format);

/** Frees a profile. Accepts NULL. @since 0.1 */
ACCORD_API void accord_profile_free(accord_profile* p);

/**
 * Adds `count` voters who cast a ranking given as one rank per candidate: ranks[c] is the
 * position of candidate c (1 = first), 0 = unranked; equal ranks are ties.
 * @param p      a ranking profile (modified: needs exclusive access)
 * @param ranks  n ranks, one per candidate in candidate order
 * @param n      must equal the number of candidates
 * @param count  number of voters casting this ballot (at least 1)
 * @param weight NULL for 1, or an exact positive weight as text ("3", "1/3", "0.25")
 * @return ACCORD_OK; ACCORD_EINVALID (wrong n, negative rank, bad weight, count 0, not a
 *         ranking profile); ACCORD_EOVERFLOW. @since 0.1
 */
ACCORD_API accord_status accord_profile_add_ranking(accord_profile* p, const int32_t* ranks, size_t n,
                                                    uint64_t count, const char* weight);

/**
 * Adds `count` voters who cast a strict ranking: candidates[0] first, then candidates[1], ...
 * (a truncated list leaves the rest unranked). @since 0.1
 */
ACCORD_API accord_status accord_profile_add_order(accord_profile* p, const uint32_t* candidates, size_t n,
                                                  uint64_t count, const char* weight);

/** Adds `count` approval ballots approving the n listed candidates. @since 0.1 */
ACCORD_API accord_status accord_profile_add_approval(accord_profile* p, const uint32_t* candidates, size_t n,
                                                     uint64_t count, const char* weight);

/**
 * Adds `count` score ballots: scores[c] for each candidate, or ACCORD_NO_SCORE.
 * @param p      a score profile (modified: needs exclusive access)
 * @param scores n integer scores, one per candidate in candidate order
 * @param n      must equal the number of candidates
 * @param count  number of voters casting this ballot (at least 1)
 * @param weight NULL for 1, or an exact positive weight as text
 * @return ACCORD_OK; ACCORD_EINVALID (wrong n, bad weight, count 0, not a score profile);
 *         ACCORD_EOVERFLOW. @since 0.1
 */
ACCORD_API accord_status accord_profile_add_scores(accord_profile* p, const int32_t* scores, size_t n,
                                                   uint64_t count, const char* weight);

/** Marks candidate c withdrawn (non-zero) or not (0); withdrawn candidates take no part. @since 0.1 */
ACCORD_API accord_status accord_profile_set_withdrawn(accord_profile* p, size_t candidate, int withdrawn);

/** Number of candidates. @since 0.1 */
ACCORD_API accord_status accord_profile_candidate_count(const accord_profile* p, size_t* out);

/**
 * Name of candidate i. The string is owned by the profile and valid until it is freed.
 * @return ACCORD_ENOTFOUND if i is out of range. @since 0.1
 */
ACCORD_API accord_status accord_profile_candidate_name(const accord_profile* p, size_t i, const char** out);

/** Index of the candidate with this name. @return ACCORD_ENOTFOUND if none. @since 0.1 */
ACCORD_API accord_status accord_profile_find_candidate(const accord_profile* p, const char* name,
                                                       size_t* out);

/** Number of distinct ballots (identical ballots are stored once). @since 0.1 */
ACCORD_API accord_status accord_profile_unique_count(const accord_profile* p, size_t* out);

/**
 * Number of voters (sum of multiplicities) as an exact decimal string, owned by the profile and
 * valid until the profile is next modified or freed. @since 0.1
 */
ACCORD_API accord_status accord_profile_voters(const accord_profile* p, const char** out);

/** The kind of ballots held, an accord_ballot_kind value. @since 0.1 */
ACCORD_API accord_status accord_profile_kind(const accord_profile* p, int* out);

/* ------------------------------------------------------------------------------------------ */
/* Methods and counting                                                                       */
/* ------------------------------------------------------------------------------------------ */

/** Number of registered methods. @since 0.1 */
ACCORD_API accord_status accord_method_count(size_t* out);

/** Name ("irv", ...) and one-line summary of method i; static storage. @since 0.1 */
ACCORD_API accord_status accord_method_name(size_t i, const char** out);
/** @copydoc accord_method_name */
ACCORD_API accord_status accord_method_summary(size_t i, const char** out);

/**
 * Every registered method with its metadata, as one JSON array (what `accord methods --json`
 * prints): [{"name", "summary", "options" (the keys it accepts), "additive" (its count is a sum
 * of per-ballot scores), "ballots" (the kinds it counts: "ranking", "approval", "score"),
 * "aliases" (other names accord_run() accepts for it), "docs" (its page in the source tree),
 * "option_details" (since 0.5: one object per option, in the order of "options": "key", "type",
 * "choices" (the values a string takes, or []), "default" (JSON, null for none), "required",
 * "description" (one line))}].
 * @param out receives the array; static storage, valid for the life of the library
 * @return ACCORD_OK; ACCORD_EINVALID if out is NULL. Thread-safe.
 * @since 0.5
 */
ACCORD_API accord_status accord_methods_json(const char** out);

/**
 * The apportionment methods accord_apportion() takes, as one JSON array in the order help texts
 * list them: [{"name", "summary", "aliases" (other names it accepts), "docs" (its page)}].
 * @param out receives the array; static storage, valid for the life of the library
 * @return ACCORD_OK; ACCORD_EINVALID if out is NULL. Thread-safe.
 * @since 0.5
 */
ACCORD_API accord_status accord_apportion_methods_json(const char** out);

/**
 * The power indices accord_power() and accord_power_org() compute (their "indices" option), as
 * one JSON array in the order results list them: [{"name", "summary", "docs"}].
 * @param out receives the array; static storage, valid for the life of the library
 * @return ACCORD_OK; ACCORD_EINVALID if out is NULL. Thread-safe.
 * @since 0.5
 */
ACCORD_API accord_status accord_power_indices_json(const char** out);

/**
 * Counts the profile with a method.
 * @param p            the profile (only read)
 * @param method       registered name, e.g. "irv", "plurality"
 * @param options_json NULL or a JSON object of the method's options, e.g.
 *                     {"tie_break": "random", "seed": 7, "batch_elimination": true}
 * @param out          receives the result; must be freed with accord_result_free()
 * @return ACCORD_OK; ACCORD_ENOTFOUND for an unknown method or candidate; ACCORD_EINVALID for an
 *         unknown or mistyped option (the message names it); ACCORD_EUNSUPPORTED if the method
 *         cannot count this kind of ballot. Thread-safe for concurrent reads of `p`.
 * @since 0.1
 */
ACCORD_API accord_status accord_run(const accord_profile* p, const char* method, const char* options_json,
                                    accord_result** out);

/* ------------------------------------------------------------------------------------------ */
/* Results. Every string returned is owned by the result and valid until accord_result_free(). */
/* ------------------------------------------------------------------------------------------ */

/** Frees a result. Accepts NULL. @since 0.1 */
ACCORD_API void accord_result_free(accord_result* r);

/** The whole result as one JSON object (docs/cli.md describes its keys). @since 0.1 */
ACCORD_API accord_status accord_result_json(const accord_result* r, const char** out);

/** The method that produced the result. @since 0.1 */
ACCORD_API accord_status accord_result_method(const accord_result* r, const char** out);

/** 1 if the count completed, 0 if a tie was left unresolved under the "report" policy. @since 0.1 */
ACCORD_API accord_status accord_result_complete(const accord_result* r, int* out);

/** Number of candidates (as in the profile). @since 0.1 */
ACCORD_API accord_status accord_result_candidate_count(const accord_result* r, size_t* out);

/** Number of winners, and the candidate index of winner i (in order of election). @since 0.1 */
ACCORD_API accord_status accord_result_winner_count(const accord_result* r, size_t* out);
/** @copydoc accord_result_winner_count */
ACCORD_API accord_status accord_result_winner(const accord_result* r, size_t i, size_t* out);

/** The ranking as tiers of tied candidates, best first: count of tiers, a tier's size, a member. @since 0.1
 */
ACCORD_API accord_status accord_result_tier_count(const accord_result* r, size_t* out);
/** @copydoc accord_result_tier_count */
ACCORD_API accord_status accord_result_tier_size(const accord_result* r, size_t tier, size_t* out);
/** @copydoc accord_result_tier_count */
ACCORD_API accord_status accord_result_tier_member(const accord_result* r, size_t tier, size_t i,
                                                   size_t* out);

/**
 * Score of a candidate as an exact string ("12", "7/2"), or *out = NULL if the method gives it
 * none. @since 0.1
 */
ACCORD_API accord_status accord_result_score(const accord_result* r, size_t candidate, const char** out);

/** Number of rounds (0 for methods without rounds). @since 0.1 */
ACCORD_API accord_status accord_result_round_count(const accord_result* r, size_t* out);

/**
 * Votes of a candidate at a round's tally as an exact string, or *out = NULL if the candidate was
 * not in the count at that round. Rounds are 0-based here. @since 0.1
 */
ACCORD_API accord_status accord_result_round_tally(const accord_result* r, size_t round, size_t candidate,
                                                   const char** out);

/** Inactive (exhausted) votes at a round's tally, exact string. @since 0.1 */
ACCORD_API accord_status accord_result_round_exhausted(const accord_result* r, size_t round,
                                                       const char** out);

/** Candidates eliminated at a round: count and i-th. @since 0.1 */
ACCORD_API accord_status accord_result_round_eliminated_count(const accord_result* r, size_t round,
                                                              size_t* out);
/** @copydoc accord_result_round_eliminated_count */
ACCORD_API accord_status accord_result_round_eliminated(const accord_result* r, size_t round, size_t i,
                                                        size_t* out);
/** Candidates elected at a round: count and i-th. @since 0.1 */
ACCORD_API accord_status accord_result_round_elected_count(const accord_result* r, size_t round, size_t* out);
/** @copydoc accord_result_round_elected_count */
ACCORD_API accord_status accord_result_round_elected(const accord_result* r, size_t round, size_t i,
                                                     size_t* out);

/** Number of ties the count had to break (or left unresolved). @since 0.1 */
ACCORD_API accord_status accord_result_tie_count(const accord_result* r, size_t* out);

/**
 * Tie i: the round it arose in (1-based; 0 if the method has no rounds), its purpose
 * ("elimination", "election", ...) and the policy that decided it. Any out-pointer may be NULL
 * to skip it. @since 0.1
 */
ACCORD_API accord_status accord_result_tie(const accord_result* r, size_t i, size_t* round,
                                           const char** purpose, const char** policy);
/** Candidates tied in tie i: count and j-th. @since 0.1 */
ACCORD_API accord_status accord_result_tie_candidate_count(const accord_result* r, size_t i, size_t* out);
/** @copydoc accord_result_tie_candidate_count */
ACCORD_API accord_status accord_result_tie_candidate(const accord_result* r, size_t i, size_t j, size_t* out);
/** Candidates chosen in tie i (the loser, for eliminations); 0 chosen = unresolved. @since 0.1 */
ACCORD_API accord_status accord_result_tie_chosen_count(const accord_result* r, size_t i, size_t* out);
/** @copydoc accord_result_tie_chosen_count */
ACCORD_API accord_status accord_result_tie_chosen(const accord_result* r, size_t i, size_t j, size_t* out);

/* ------------------------------------------------------------------------------------------ */
/* Power indices of weighted voting games                                                     */
/* ------------------------------------------------------------------------------------------ */

/**
 * Power indices of a game. Immutable once returned (thread-safe to read). Must be freed with
 * accord_power_result_free(). @since 0.1
 */
typedef struct accord_power_result accord_power_result;

/**
 * Progress callback for long computations: called from the calling thread with the fraction
 * done (0..1) and the user pointer; return 0 to go on, non-zero to cancel (the call then
 * returns ACCORD_ECANCELLED). @since 0.1
 */
typedef int (*accord_progress_fn)(double fraction, void* user_data);

/**
 * Computes power indices of a weighted voting game.
 * @param game_json    {"quota": 16, "weights": [9, 9, 7, 3, 1, 1]} for [q; w1..wn], or
 *                     {"majorities": [{"quota": q1, "weights": [...]}, ...]} for several
 *                     weighted majorities that must all be met (e.g. practices AND patients);
 *                     optional "players" (names) and "unions" (a partition of 0-based player
 *                     indices, for the Owen and Banzhaf-Owen indices)
 * @param options_json NULL or {"indices": a list of index names of docs/methods/power.md
 *                     ("banzhaf", "shapley_shubik", ...) or "all", "method": a method name of
 *                     docs/methods/power.md ("auto", "dp", "monte-carlo", ...), "samples",
 *                     "seed", "confidence", "threads" (since 0.5: threads for the exact passes
 *                     of games over 63 players, 0 = all cores; the values do not depend on it)};
 *                     default Banzhaf and Shapley-Shubik, exact.
 *                     "fourier" (since 0.4; an option value, no ABI change): Banzhaf of a
 *                     one-majority game with a proven error bound ("exact": false,
 *                     "error_bound" in the JSON)
 * @param progress     NULL, or a callback that may cancel
 * @param user_data    passed to progress
 * @param out          receives the result; free with accord_power_result_free()
 * @return ACCORD_OK; ACCORD_EINVALID (bad game or option, the message says which);
 *         ACCORD_EUNSUPPORTED (no exact method for this index and game);
 *         ACCORD_ECANCELLED. @since 0.1
 */
ACCORD_API accord_status accord_power(const char* game_json, const char* options_json,
                                      accord_progress_fn progress, void* user_data,
                                      accord_power_result** out);

/**
 * The result as one JSON object: "players", "banzhaf", "shapley_shubik" (floats),
 * "banzhaf_exact", "shapley_shubik_exact" (exact fractions as strings), "swings" (exact integers
 * as strings), and the other indices under their names (docs/methods/power.md). Owned by the
 * result. @since 0.1
 */
ACCORD_API accord_status accord_power_result_json(const accord_power_result* r, const char** out);

/** Frees a power result. Accepts NULL. @since 0.1 */
ACCORD_API void accord_power_result_free(accord_power_result* r);

/**
 * As accord_run(), with a progress callback for methods with long work (exact solvers such as
 * Kemeny-Young, Dodgson, the exhaustive committee rules, budget's max-welfare and CPO-STV):
 * called on the calling thread with the fraction done; returning non-zero cancels, and the call
 * then returns ACCORD_ECANCELLED with *out NULL. Methods without long work never call it.
 * @param p            the profile (only read)
 * @param method       registered name, e.g. "kemeny"
 * @param options_json NULL or a JSON object of the method's options
 * @param progress     NULL, or a callback that may cancel
 * @param user_data    passed to progress
 * @param out          receives the result; must be freed with accord_result_free()
 * @return as accord_run(), and ACCORD_ECANCELLED. @since 0.4
 */
ACCORD_API accord_status accord_run_progress(const accord_profile* p, const char* method,
                                             const char* options_json, accord_progress_fn progress,
                                             void* user_data, accord_result** out);

/* ------------------------------------------------------------------------------------------ */
/* Organisations and weighting                                                                */
/* ------------------------------------------------------------------------------------------ */

/** An organisation: voting units (practices, PCNs, ...) with populations. Immutable once loaded
 * (thread-safe to read). Must be freed with accord_org_free(). @since 0.1 */
typedef struct accord_org accord_org;

/**
 * Loads an organisation CSV (NHS England practice file, or id,name,kind,parent,population).
 * @param path         the CSV file; with "list_sizes", NHS England's practice mapping file
 *                     (gp-reg-pat-prac-map) as published
 * @param options_json NULL or {"within": ["U12199", ...], "unallocated": "own-group"|"exclude"|"keep",
 *                     "min_population": N, "list_sizes": "gp-reg-pat-prac-all.csv"}. "list_sizes"
 *                     (@since 0.5) joins the mapping with NHS England's list-size file on the
 *                     practice code, as accord_org_join_nhs() does; the two extract dates, and the
 *                     list-size practices the mapping lacks, appear under "provenance" in
 *                     accord_weights().
 * @param out          receives the organisation; must be freed with accord_org_free()
 * @return ACCORD_OK; ACCORD_EIO; ACCORD_EPARSE (file and line: duplicate ids, unknown parents,
 *         cycles, bad populations, a mapped practice with no list size); ACCORD_EINVALID for bad
 *         options. @since 0.1
 */
ACCORD_API accord_status accord_org_load(const char* path, const char* options_json, accord_org** out);

/** Frees an organisation. Accepts NULL. @since 0.1 */
ACCORD_API void accord_org_free(accord_org* org);

/**
 * Joins NHS England's practice mapping (gp-reg-pat-prac-map: practice, PCN, sub-ICB or CCG, ICB
 * or STP, region) with its list sizes (gp-reg-pat-prac-all) on the practice code, as published,
 * into the organisation CSV accord_org_load() reads (docs/formats.md, "NHS England's files").
 * A practice of the mapping with no list size is refused; list-size practices the mapping lacks
 * are left out and named in the report.
 * @param map_path     the mapping file
 * @param sizes_path   the list-size file
 * @param options_json NULL or "{}" (no options yet)
 * @param out_csv      receives the joined CSV (RFC 4180, CRLF); free it with accord_string_free()
 * @param out_report   NULL, or receives a JSON object {"shape": "2025"|"2022",
 *                     "mapping_extract_date", "list_size_extract_date" (ISO dates), "practices",
 *                     "registered_patients", "list_size_practices_not_in_mapping": [codes]};
 *                     free it with accord_string_free()
 * @return ACCORD_OK; ACCORD_EIO; ACCORD_EPARSE (file and line: a missing column, a second
 *         extract date, a duplicate practice, a mapped practice with no list size);
 *         ACCORD_EINVALID for options. Thread-safe.
 * @since 0.5
 */
ACCORD_API accord_status accord_org_join_nhs(const char* map_path, const char* sizes_path,
                                             const char* options_json, char** out_csv, char** out_report);

/**
 * Sets a free attribute of a unit — e.g. custom weights, then counted with the scheme
 * "column:KEY". Not thread-safe on an org other threads are reading.
 * @return ACCORD_ENOTFOUND for an unknown unit id; ACCORD_EINVALID for an empty key.
 * @since 0.3
 */
ACCORD_API accord_status accord_org_set_attribute(accord_org* org, const char* unit, const char* key,
                                                  const char* value);

/** Number of units (all levels). @since 0.1 */
ACCORD_API accord_status accord_org_unit_count(const accord_org* org, size_t* out);

/**
 * The weight report of the units of a kind under a scheme, as a JSON string (keys "scheme",
 * "units", "largest_share", "effective_number", "min_majority"; docs/weighting.md).
 * @param org    the organisation (only read)
 * @param scheme a scheme of docs/weighting.md: "equal", "population", "sqrt", "capped:F", ...
 * @param level  kind of the voting units, or NULL for the leaves
 * @param out    receives a new string; free it with accord_string_free()
 * @since 0.1
 */
ACCORD_API accord_status accord_weights(const accord_org* org, const char* scheme, const char* level,
                                        char** out);

/**
 * Two-level weights: `within` computed inside each group of kind `group_level` (over the group's
 * units only, so a cap is a share of the group) and `across` over the groups; a unit's share is
 * its group's share times its share inside the group (docs/weighting.md, "Two levels").
 * @param org         the organisation (only read)
 * @param within      the scheme inside each group, as for accord_weights() (not "group-equal")
 * @param across      the scheme across the groups (not "group-equal")
 * @param level       kind of the voting units, or NULL for the leaves
 * @param group_level kind of the groups, or NULL for "pcn"
 * @param out         receives a new JSON string: accord_weights()'s keys for the combined shares
 *                    plus "within", "across", "group_level" and "groups" (the groups' report);
 *                    free it with accord_string_free()
 * @return ACCORD_OK; ACCORD_EINVALID (a scheme that cannot hold at its level, such as a cap below
 *         1/number of groups, or a unit with no group above it); ACCORD_ENOTFOUND (no units of
 *         a kind). Thread-safe for concurrent reads of `org`.
 * @since 0.5
 */
ACCORD_API accord_status accord_weights_two_level(const accord_org* org, const char* within,
                                                  const char* across, const char* level,
                                                  const char* group_level, char** out);

/**
 * The defaults of the weighting analyses (sweep, SMAA, tipping points) as one JSON object
 * {"weights": {...}, "run": {...}, "sweep": {...}, "smaa": {...}, "tipping": {...}}: what an
 * absent option means in accord_analyse_*(), Python and the CLI alike
 * (include/accord/analysis/defaults.hpp). "weights" {"scheme", "group_level"} and "run"
 * {"scheme", "mode", "group_level"} (since 0.5) say what Python's Organisation.weights() and
 * .run() and the CLI's `weights` and `run --org` use when no scheme or mode is given; the
 * scheme is the first of the core's scheme table ("equal").
 * @param out receives a new string; free it with accord_string_free()
 * @return ACCORD_OK. Thread-safe.
 * @since 0.5
 */
ACCORD_API accord_status accord_analysis_defaults(char** out);

/** Frees a string returned by accord_weights(), accord_analyse_*(), accord_decide(), accord_apportion(),
 * accord_ahp(), accord_mcda(), accord_mcda_smaa() or the governance functions
 * (accord_constitution_check(), accord_mandate(), accord_record(), accord_verify()). Accepts NULL. @since 0.1
 */
ACCORD_API void accord_string_free(char* s);

/** accord_profile_add_rankings_bulk() layout: one column per candidate holding its rank (1 = first,
 *  0 = unranked, equal ranks = a tie). @since 0.5 */
#define ACCORD_LAYOUT_RANKS 0
/** accord_profile_add_rankings_bulk() layout: one column per choice holding a candidate index,
 *  first choice first (-1 = blank, left out). @since 0.5 */
#define ACCORD_LAYOUT_CHOICES 1

/**
 * Adds a whole matrix of rankings in one call (as XGBoost's DMatrix takes arrays): `rows` rows of
 * `cols` int32 cells, row-major. Every row is checked before any is added, so a refused call
 * leaves the profile unchanged. Identical rows merge as with accord_profile_add_ranking().
 * @param p            a ranking profile
 * @param cells        rows x cols cells: ACCORD_LAYOUT_RANKS (cols = number of candidates, a rank
 *                     per candidate as accord_profile_add_ranking()) or ACCORD_LAYOUT_CHOICES (a
 *                     candidate index per choice, first choice first; -1 = blank, left out)
 * @param rows         number of rows (may be 0)
 * @param cols         cells per row
 * @param layout       ACCORD_LAYOUT_RANKS or ACCORD_LAYOUT_CHOICES
 * @param counts       NULL (each row one voter) or `rows` counts, each at least 1
 * @param weight_num   NULL (weight 1) or `rows` numerators of exact positive weights
 * @param weight_den   NULL, or `rows` positive denominators (given with weight_num)
 * @param unit_codes   NULL (no units) or `rows` indices into unit_ids (-1 = no unit)
 * @param unit_ids     the unit ids (non-empty strings) unit_codes refer to
 * @param n_unit_ids   number of unit_ids
 * @return ACCORD_OK; ACCORD_EINVALID naming the first bad row and column (a rank below 0, a
 *         candidate index out of range or chosen twice, a zero count or weight, a unit code out of
 *         range); ACCORD_EUNSUPPORTED for a profile that does not hold rankings. Not thread-safe
 *         for the same profile.
 * @since 0.5
 */
ACCORD_API accord_status accord_profile_add_rankings_bulk(accord_profile* p, const int32_t* cells,
                                                          size_t rows, size_t cols, int layout,
                                                          const uint64_t* counts, const int64_t* weight_num,
                                                          const int64_t* weight_den,
                                                          const int32_t* unit_codes,
                                                          const char* const* unit_ids, size_t n_unit_ids);

/**
 * The whole profile as one JSON object: {"kind", "candidates", "withdrawn" (indices), "units"
 * (unit ids), "title", "seats", "ballots": [{"marks": [[candidate, value], ...] (value: the rank
 * position, 1 for approval, or the score; candidate null for an overvote mark), "count", "weight"
 * (exact "p/q" or null for 1), "unit" (index into "units" or null)}]}, distinct ballots in the
 * order they were first added.
 * @param p   the profile (only read)
 * @param out receives a new string; free it with accord_string_free()
 * @return ACCORD_OK. Thread-safe for concurrent reads of `p`.
 * @since 0.5
 */
ACCORD_API accord_status accord_profile_to_json(const accord_profile* p, char** out);

/**
 * The organisation as one JSON object: {"kinds" (leaves first), "units": [{"id", "name", "kind",
 * "parent" (an id or null), "population", "attributes" (object of strings)}]}.
 * @param org the organisation (only read)
 * @param out receives a new string; free it with accord_string_free()
 * @return ACCORD_OK. Thread-safe for concurrent reads of `org`.
 * @since 0.5
 */
ACCORD_API accord_status accord_org_to_json(const accord_org* org, char** out);

/**
 * Adds `count` voters of unit `unit` (a unit id, e.g. a practice code) casting a ranking given
 * as one rank per candidate (as accord_profile_add_ranking()). @since 0.1
 */
ACCORD_API accord_status accord_profile_add_ranking_for(accord_profile* p, const char* unit,
                                                        const int32_t* ranks, size_t n, uint64_t count,
                                                        const char* weight);

/**
 * Power indices of an organisation's voting units under a decision rule: "what power does each
 * practice have under our constitution?" (docs/motions.md, "Who holds the power under a rule").
 * A priori every unit votes yes or no as one bloc; each condition on units, population or scheme
 * weights is one weighted majority, veto holders one more, observers are not players.
 * @param org          the organisation (only read)
 * @param rule_json    a decision rule as for accord_decide(): {"preset": NAME}, {"conditions":
 *                     [...], "veto", "observers", "level"}, or {"policy": {...}, "category": NAME};
 *                     NULL for "more than half of the patients"
 * @param options_json NULL or the options of accord_power() plus "unions_by" (a kind such as
 *                     "pcn": a-priori unions for the Owen indices) and "level" (the players' kind)
 * @param progress     NULL, or a callback that may cancel
 * @param user_data    passed to progress
 * @param out          receives the result, players named by unit id; free with
 *                     accord_power_result_free()
 * @return ACCORD_OK; ACCORD_EINVALID (malformed rule or option); ACCORD_ENOTFOUND (unknown level,
 *         veto holder, observer or category); ACCORD_EUNSUPPORTED (a majority of groups, which is
 *         not a weighted game, or no exact method); ACCORD_EOVERFLOW (scheme weights too fine to
 *         scale to whole numbers); ACCORD_ECANCELLED. Thread-safe for concurrent reads of `org`.
 * @since 0.4
 */
ACCORD_API accord_status accord_power_org(const accord_org* org, const char* rule_json,
                                          const char* options_json, accord_progress_fn progress,
                                          void* user_data, accord_power_result** out);

/**
 * Counts a profile whose ballots name their units, weighting them by an organisation.
 * @param p              the profile, ballots tagged with unit ids (only read)
 * @param org            the organisation of those units (only read)
 * @param scheme         a weighting scheme, as for accord_weights()
 * @param method         the rule, as for accord_run(); in a two-stage count the rule across groups
 *                       and, unless "inner" names another, inside each group too
 * @param options_json   NULL or the rule's options, as for accord_run()
 * @param aggregate_json NULL or {"mode": "normalised"|"pooled"|"two-stage", "level": KIND,
 *                       "group_level": "pcn", "inner": RULE, "outer": RULE, "group_scheme":
 *                       SCHEME (two-level weighting: `scheme` inside each group, this across
 *                       the groups; @since 0.5)}; "outer" may only repeat `method`
 *                       (ACCORD_EINVALID otherwise); "inner"/"outer" outside a two-stage count
 *                       are ACCORD_EINVALID
 * @param out            receives the result; must be freed with accord_result_free()
 * @return as accord_run(); ACCORD_ENOTFOUND if a ballot's unit is not in the organisation.
 * @since 0.1
 */
ACCORD_API accord_status accord_run_weighted(const accord_profile* p, const accord_org* org,
                                             const char* scheme, const char* method, const char* options_json,
                                             const char* aggregate_json, accord_result** out);

/* ------------------------------------------------------------------------------------------ */
/* Analysis: how fragile are the priorities? (docs/analysis.md)                               */
/* ------------------------------------------------------------------------------------------ */

/*
 * The three analyses share one shape: a profile whose ballots name their units (a CSV's unit
 * column, or accord_profile_add_ranking_for()), the organisation those units belong to, options
 * as one JSON object (NULL or "" for the defaults; every key is checked and an unknown one is
 * ACCORD_EINVALID naming it), an optional progress callback, and the report as a new JSON string
 * that the caller frees with accord_string_free(). The keys of each report are listed in
 * docs/analysis.md; the CLI's `accord analyse ... --json` prints the same objects.
 *
 * Progress: `progress` (may be NULL) is called on the calling thread, never on a worker thread,
 * with the fraction done in [0, 1] and `user_data`; returning non-zero cancels, and the call then
 * returns ACCORD_ECANCELLED with *out NULL. The callback must not call back into the same
 * analysis.
 *
 * Thread-safety: the profile and the organisation are only read, so several analyses (and counts)
 * may run on them at once from different threads, as long as no thread modifies the profile.
 * SMAA starts its own worker threads ("threads"); sweeps and tipping points run on the calling
 * thread.
 *
 * Errors, for all three: ACCORD_EINVALID (NULL profile, organisation or out; options that are not
 * a JSON object, an unknown key, a value of the wrong type or range); ACCORD_ENOTFOUND (unknown
 * rule, a ballot's unit not in the organisation, no units of the level); ACCORD_EUNSUPPORTED
 * (a combination the analysis does not offer, or ballots the rule does not accept);
 * ACCORD_EUNRESOLVED_TIE (tipping: the baseline count has no winner); ACCORD_ECANCELLED;
 * ACCORD_ENOMEM.
 */

/**
 * SMAA (Monte Carlo) over populations, unit weights or voters: rank acceptability indices,
 * winner probabilities with standard errors, and central weights.
 * @param p            the ballots, tagged with unit ids (only read)
 * @param org          the organisation of the units (only read)
 * @param options_json NULL or {"rule": "borda", "rule_options": {...}, "scheme": "population",
 *                     "mode": "normalised"|"pooled"|"two-stage", "level": KIND,
 *                     "sampler": "population[:SIGMA]"|"simplex"|"dirichlet[:ALPHA]"|"bootstrap",
 *                     "sigma": 0.1, "alpha": 1, "samples": 1000, "seed": 0, "threads": 0 (all
 *                     cores), "resolution": 1000000, "group_scheme": SCHEME, "group_level":
 *                     "pcn"} (since 0.5: "two-stage" and "group_scheme", with the population
 *                     sampler; each sample is an exact weighted count)
 * @param progress     NULL, or a callback called on this thread about every 50 ms; may cancel
 * @param user_data    passed to progress
 * @param out receives {"analysis": "smaa", "samples", "settings", "candidates", "units",
 *            "rank_acceptability", "winner_probability", "winner_probability_se",
 *            "expected_rank", "central_weights", "incomplete"}; free with accord_string_free().
 *            For a given seed the string is identical whatever "threads" is.
 * @return ACCORD_OK, or an error listed above. @since 0.2
 */
ACCORD_API accord_status accord_analyse_smaa(const accord_profile* p, const accord_org* org,
                                             const char* options_json, accord_progress_fn progress,
                                             void* user_data, char** out);

/**
 * A sweep: the same ballots counted under every weighting scheme x across-groups scheme x
 * aggregation mode x rule, each ranking compared with the first row that counted (Kendall tau-b,
 * Spearman rho, who moved). Exact. Since 0.5 a cell that cannot be counted (a cap that cannot
 * hold, a group with nobody to weigh) is a row with its reason in "error", and the sweep goes on.
 * @param p            the ballots, tagged with unit ids (only read)
 * @param org          the organisation of the units (only read)
 * @param options_json NULL or {"rules": ["borda", "irv"], "schemes": ["equal", "population"],
 *                     "modes": ["normalised", "pooled", "two-stage"], "rule_options": {...},
 *                     "level": KIND, "group_level": "pcn", "group_schemes": ["none", "sqrt"]
 *                     (since 0.5: across-groups schemes; "none" is the one-level weighting)}
 * @param progress     NULL, or a callback called on this thread after each count; may cancel
 * @param user_data    passed to progress
 * @param out receives {"analysis": "sweep", "settings", "candidates", "baseline", "rows"
 *            (each "scheme", "group_scheme", "aggregation", "rule", "winner", "ranking",
 *            "kendall_tau", "spearman_rho", "moved", "winner_changed", "error"), "winners",
 *            "movers", "failed"}; free with
 *            accord_string_free().
 * @return ACCORD_OK, or an error listed above. @since 0.2
 */
ACCORD_API accord_status accord_analyse_sweep(const accord_profile* p, const accord_org* org,
                                              const char* options_json, accord_progress_fn progress,
                                              void* user_data, char** out);

/**
 * Tipping points: for each unit with ballots, the smallest change of its weight factor (or of its
 * registered population) found that changes the winner, up and down, bracketed exactly.
 * @param p            the ballots, tagged with unit ids (only read)
 * @param org          the organisation of the units (only read)
 * @param options_json NULL or {"rule": "irv", "rule_options": {...}, "scheme": "population",
 *                     "mode": "normalised"|"pooled"|"two-stage", "level": KIND,
 *                     "group_level": "pcn", "quantity": "weight"|"population",
 *                     "max_factor": "16", "tolerance": "1/1000000", "steps_per_doubling": 4,
 *                     "group_scheme": SCHEME (since 0.5)} (exact numbers as strings or integers)
 * @param progress     NULL, or a callback called on this thread after each unit; may cancel
 * @param user_data    passed to progress
 * @param out receives {"analysis": "tipping", "settings" (with the "tolerance" every bracket
 *            meets), "baseline_winner", "quantity", "units" (each "unit", "name", "population",
 *            "baseline", "up" and "down": null or {"same", "changed", "change", "new_winner"
 *            and their "_exact" strings})}; free with accord_string_free().
 * @return ACCORD_OK, or an error listed above. @since 0.2
 */
ACCORD_API accord_status accord_analyse_tipping(const accord_profile* p, const accord_org* org,
                                                const char* options_json, accord_progress_fn progress,
                                                void* user_data, char** out);

/**
 * Results per group: the same count run on each group's ballots and on all of them, so a reader
 * sees where the overall result is carried (per precinct, practice, PCN, ...). A group is each
 * ballot's unit or, with an organisation and "per": KIND, the unit's ancestor of that kind. Every
 * group's count is exact, with its own ties. Unlike the analyses above, `org` may be NULL (then
 * "per" must be "unit" and "scheme" is refused).
 * @param p            the ballots, every one tagged with a unit id (only read)
 * @param org          NULL, or the organisation of the units (only read)
 * @param options_json {"rule": "irv" (required), "rule_options": {...}, "per": "unit"|KIND
 *                     (default "unit"), "scheme": SCHEME (weight each group's ballots by their
 *                     units, as accord_run_weighted() does; needs `org`), "mode":
 *                     "normalised"|"pooled", "level": KIND, "group_scheme", "group_level" (these
 *                     four only with "scheme"), "results": true (false leaves each group's full
 *                     result out)}
 * @param progress     NULL, or a callback called on this thread after each group; may cancel
 * @param user_data    passed to progress
 * @param out receives {"analysis": "groups", "settings", "candidates", "per", "overall"
 *            {"winners", "result"}, "groups" (each "id", "name", "voters" (exact, a string),
 *            "units", "winners", "ties_broken", "complete", "agrees" (same winners as overall),
 *            "error" (null, or why the rule could not count this group), "result"), "wins"
 *            (name -> groups won), "agreeing", "counted", "failed"}; free with
 *            accord_string_free().
 * @return ACCORD_OK; ACCORD_EINVALID (a ballot without a unit, an unknown option, "per" KIND
 *         without `org` or not a kind of it); ACCORD_ENOTFOUND (unknown rule, a unit not in
 *         `org`); ACCORD_EUNSUPPORTED ("mode": "two-stage", which is already per group, or
 *         ballots the rule does not count); ACCORD_ECANCELLED; ACCORD_ENOMEM. An error in the
 *         overall count is returned; a group the rule cannot count only fills its "error".
 * @since 0.5
 */
ACCORD_API accord_status accord_analyse_groups(const accord_profile* p, const accord_org* org,
                                               const char* options_json, accord_progress_fn progress,
                                               void* user_data, char** out);

/**
 * The self-contained HTML report (SMAA heatmap, sweep table, power bars), as `accord report`
 * writes it (docs/analysis.md).
 * @param p            the ballots, tagged with unit ids (only read)
 * @param org          the organisation of the units (only read)
 * @param options_json NULL or {"title", "notes", "rules", "schemes", "modes", "group_schemes",
 *                     "rule_options", "level", "scheme" ("population": SMAA and power),
 *                     "smaa_rule", "sampler", "samples" (2000), "seed", "threads", "smaa" (true),
 *                     "power" (true)}
 * @param progress     NULL, or a callback called on this thread during SMAA; may cancel
 * @param user_data    passed to progress
 * @param out          receives the page (UTF-8 HTML); free with accord_string_free()
 * @return ACCORD_OK; ACCORD_EINVALID (an unknown or mistyped option); ACCORD_ENOTFOUND (an unknown
 *         rule or unit); ACCORD_EOVERFLOW (scheme weights too fine for whole numbers);
 *         ACCORD_ECANCELLED. Thread-safe for concurrent reads of `p` and `org`.
 * @since 0.5
 */
ACCORD_API accord_status accord_report_html(const accord_profile* p, const accord_org* org,
                                            const char* options_json, accord_progress_fn progress,
                                            void* user_data, char** out);

/* ------------------------------------------------------------------------------------------ */
/* Decisions that bind members: motions and seats (docs/motions.md, docs/methods/apportionment.md) */
/* ------------------------------------------------------------------------------------------ */

/**
 * Decides a yes/no motion of an organisation's units.
 * @param org          the organisation whose units vote (only read)
 * @param votes_json   the votes: {"UNIT": "yes"|"no"|"abstain", ...}, or a list of
 *                     ["UNIT", "yes"] pairs when a unit has several voters (each holds an equal
 *                     share of it)
 * @param rule_json    NULL (a double majority), {"preset": NAME} (simple-majority,
 *                     double-majority, triple-majority, two-thirds, three-quarters, 75-75,
 *                     unanimity), a rule {"conditions": [...], "quorum", "veto", "observers",
 *                     "abstentions", "level"}, or {"policy": {"categories": {...}}, "category":
 *                     NAME} (docs/motions.md)
 * @param casting_vote "yes" or "no": the chair's casting vote on an exact tie; NULL for none
 * @param out          receives {"rule", "passed", "conditions": [{"name", "passed", "have",
 *                     "need", "base", ...}], "votes", "notes"}; free with accord_string_free()
 * @return ACCORD_OK (whether or not the motion passed); ACCORD_EINVALID for malformed JSON, an
 *         unknown vote, preset or key; ACCORD_ENOTFOUND for a vote, veto holder or category
 *         that does not exist. Thread-safety: reads `org` only (safe on a shared org).
 * @since 0.3
 */
ACCORD_API accord_status accord_decide(const accord_org* org, const char* votes_json, const char* rule_json,
                                       const char* casting_vote, char** out);

/**
 * Shares `seats` among the units of a kind in proportion to population.
 * @param org          the organisation (only read)
 * @param level        kind of the units receiving seats (e.g. "pcn"); NULL = "pcn"
 * @param options_json NULL or {"method": "hamilton"|"jefferson"|"webster"|"huntington-hill"|
 *                     "adams" (also "dhondt", "sainte-lague"), "min": K, "max": K (0 = none)};
 *                     since 0.5 also, for hamilton, "quota": "hare"|"droop"|
 *                     "hagenbach-bischoff"|"imperiali", "whole_quota": BOOL, "excess":
 *                     "refuse"|"reduce-divisor", and for webster "first_divisor": "7/5" or 1.4
 *                     (exact); a key the method does not use is ACCORD_EINVALID naming it
 * @param seats        number of seats to share
 * @param out          receives {"method", "seats", "units": [{"id", "name", "population",
 *                     "quota", "quota_exact", "seats"}], "ties"} (largest remainder adds
 *                     "largest_remainder" and each unit's "quotient_exact"; webster
 *                     "first_divisor"); free with accord_string_free()
 * @return ACCORD_OK; ACCORD_EINVALID for an unknown method or impossible bounds, or a quota that
 *         gives more whole seats than `seats` (see "excess"); ACCORD_ENOTFOUND
 *         when no unit has that kind. Thread-safety: reads `org` only.
 * @since 0.3
 */
ACCORD_API accord_status accord_apportion(const accord_org* org, const char* level, uint64_t seats,
                                          const char* options_json, char** out);

/* ------------------------------------------------------------------------------------------ */
/* Priorities from judgements and criteria; synthetic electorates (0.4)                       */
/* ------------------------------------------------------------------------------------------ */

/*
 * Same conventions as the analyses above: inputs and options as JSON (every key checked, an
 * unknown one is ACCORD_EINVALID naming it), the report as a new JSON string freed with
 * accord_string_free(), *out NULL on failure. Floating point is used for AHP and for the Monte
 * Carlo estimates; MCDA weighted sums are exact. Keys: docs/methods/ahp.md, docs/methods/mcda.md,
 * docs/analysis.md.
 */

/**
 * AHP (Saaty): priorities and consistency from pairwise comparison matrices, one participant or
 * several aggregated by the weighted geometric mean of their judgements (AIJ) or priorities (AIP).
 * @param org          NULL, or the organisation whose units weight the participants under the
 *                     option "scheme" (a unit's share split equally among its participants)
 * @param input_json   {"items": [names], "matrix": [[a11, a12, ...], ...]} or {"items", "upper":
 *                     [a12, a13, ..., a23, ...]} (the n(n-1)/2 judgements above the diagonal), or
 *                     {"items", "participants": [{"name", "unit", "weight", "matrix" or "upper"}]};
 *                     entries are integers, exact strings ("1/3") or decimals (checked for
 *                     reciprocity to "reciprocity_tolerance")
 * @param options_json NULL or {"method": "eigenvector"|"geometric-mean", "aggregation":
 *                     "aij"|"aip", "saaty_scale": true, "reciprocity_tolerance": 1e-9,
 *                     "scheme": "population", "level": KIND}
 * @param out          receives {"analysis": "ahp", "method", "items", "priorities" (item ->
 *                     share), "ranking", "consistency" ({"lambda_max", "consistency_index",
 *                     "random_index", "consistency_ratio", "acceptable"}, or null under AIP) and,
 *                     for participants, "aggregation", "participants" (each "name", "unit",
 *                     "weight", "priorities", "consistency")}; free with accord_string_free()
 * @return ACCORD_OK; ACCORD_EINVALID (malformed JSON, an unknown key, a matrix that is not square,
 *         positive, on Saaty's 1/9..9 scale or reciprocal: the message names the row and column;
 *         "scheme" without `org`); ACCORD_ENOTFOUND (a participant's unit not in `org`).
 *         Thread-safety: reads `org` only. @since 0.4
 */
ACCORD_API accord_status accord_ahp(const accord_org* org, const char* input_json, const char* options_json,
                                    char** out);

/**
 * MCDA weighted sum, exactly: V_i = sum_j w_j s_ij / sum_j w_j over a performance table.
 * @param table_json   {"options": [names], "criteria": [names], "scores": [[s11, s12, ...], ...]
 *                     (or {OPTION: [...] or {CRITERION: s}}), "weights": [w1, ...] (or
 *                     {CRITERION: w}), "lower_is_better": [criteria]}; numbers exact (integers,
 *                     decimals, or strings such as "2/3")
 * @param options_json NULL or {"scaling": "none"|"min-max", "tie_break": "report"|
 *                     "lexicographic"|"random", "tie_seed": 0}
 * @param out          receives {"analysis": "mcda", "options", "criteria", "weights",
 *                     "weights_exact", "lower_is_better", "scaling", "scores", "scores_exact",
 *                     "ranking" (tiers), "winner" (null on an unbroken tie), "complete", "result"
 *                     (the count as accord_result_json() writes it)}; free with accord_string_free()
 * @return ACCORD_OK; ACCORD_EINVALID (bad table, weights or option, named); ACCORD_ENOTFOUND (a
 *         criterion name that is not in "criteria"). Thread-safe. @since 0.4
 */
ACCORD_API accord_status accord_mcda(const char* table_json, const char* options_json, char** out);

/**
 * SMAA-2 over the criteria weights of an MCDA table ("weights" in the table is ignored): rank
 * acceptability indices, the probability each option is best, and central weights.
 * @param table_json   as accord_mcda()
 * @param options_json NULL or {"distribution": "simplex"|"dirichlet", "alpha": A or [a1, ...],
 *                     "lower": [..] or {CRITERION: x}, "upper": ..., "max_draws": 100000,
 *                     "scaling", "tie_break", "samples": 1000, "seed": 0, "threads": 0}
 * @param progress     NULL, or a callback that may cancel (called on the calling thread)
 * @param user_data    passed to progress
 * @param out          receives {"analysis": "mcda_smaa", "samples", "settings", "options",
 *                     "criteria", "rank_acceptability", "winner_probability",
 *                     "winner_probability_se", "expected_rank", "central_weights" (option ->
 *                     criterion -> mean weight, or null), "incomplete"}; identical for a seed
 *                     whatever "threads" is; free with accord_string_free()
 * @return ACCORD_OK; ACCORD_EINVALID; ACCORD_ENOTFOUND; ACCORD_ECANCELLED. Thread-safe. @since 0.4
 */
ACCORD_API accord_status accord_mcda_smaa(const char* table_json, const char* options_json,
                                          accord_progress_fn progress, void* user_data, char** out);

/**
 * A seeded synthetic electorate as a new profile of strict rankings.
 * @param model        "impartial-culture", "mallows", "plackett-luce", "spatial" or "resample"
 * @param options_json NULL or {"candidates": N, "voters": V, "seed": S, "names": [...],
 *                     "phi": 0.5 and "center": [names or 0-based indices] (mallows),
 *                     "strengths": [..] or {NAME: s} (plackett-luce), "dimensions": 2 (spatial)};
 *                     keys of another model are ACCORD_EINVALID
 * @param source       NULL, or the profile to resample ("resample" requires it; other models
 *                     take only its candidate names and number of voters when not given)
 * @param out          receives the profile; free with accord_profile_free()
 * @return ACCORD_OK; ACCORD_EINVALID (unknown model, a missing or bad parameter, named);
 *         ACCORD_ENOTFOUND (a center or strength naming no candidate). The same seed gives the same
 *         profile on every platform. Thread-safety: reads `source` only. @since 0.4
 */
ACCORD_API accord_status accord_generate(const char* model, const char* options_json,
                                         const accord_profile* source, accord_profile** out);

/**
 * Monte Carlo over synthetic electorates: how often would a rule pick a different winner for
 * electorates like this one, and how often do rules agree? Sample i's electorate depends only on
 * (seed, i), so every rule counts the same electorates.
 * @param reference    NULL, or the profile the electorates are like: the source of "resample",
 *                     and each rule's winner on it is what "differs_from_reference" compares with
 * @param options_json {"model": NAME (required), the model's keys as accord_generate() (not
 *                     "seed"), "rules": ["irv", ...], "rule_options": {...}, "samples": 1000,
 *                     "seed": 0, "threads": 0}
 * @param progress     NULL, or a callback that may cancel (called on the calling thread)
 * @param user_data    passed to progress
 * @param out          receives {"analysis": "electorates", "samples", "settings", "candidates",
 *                     "rules", "by_rule" (rule -> {"reference_winner", "differs_from_reference",
 *                     "rank_acceptability", "winner_probability", "winner_probability_se",
 *                     "expected_rank", "incomplete"}), "agreement" (rule -> rule -> share of
 *                     electorates with the same winner)}; identical for a seed whatever "threads"
 *                     is; free with accord_string_free()
 * @return ACCORD_OK; ACCORD_EINVALID; ACCORD_ENOTFOUND (unknown rule); ACCORD_EUNSUPPORTED;
 *         ACCORD_ECANCELLED. Thread-safety: reads `reference` only. @since 0.4
 */
ACCORD_API accord_status accord_analyse_electorates(const accord_profile* reference, const char* options_json,
                                                    accord_progress_fn progress, void* user_data, char** out);

/**
 * Adds up the parts of a Monte Carlo run split across processes (accord.dask, docs/scale.md).
 * accord_analyse_smaa() and accord_analyse_electorates() with the option "blocks": [first, last]
 * run only those 64-sample blocks (each seeded by its index, so it draws what one process would)
 * and report a part, {"format": "accord-blocks", "version": 1, "analysis", "samples", "seed",
 * "first", "last", "total": false, "sums": [...]}, instead of their report. This function adds
 * parts in block order, exactly as one process adds its blocks; the same options with
 * "total": (the fold of every block) then give the report, identical to the unsplit run's.
 * @param parts_json a JSON array of parts (block ranges, or an earlier fold first), contiguous
 *                   from block 0, of one run (same analysis, samples and seed)
 * @param out        receives one part with "total": true covering the same blocks; free it with
 *                   accord_string_free()
 * @return ACCORD_OK; ACCORD_EINVALID (malformed parts, a gap, an overlap, parts of different
 *         runs). Thread-safety: reads its arguments only. @since 0.5
 */
ACCORD_API accord_status accord_analyse_fold(const char* parts_json, char** out);

/* ------------------------------------------------------------------------------------------ */
/* Governance: constitutions, mandates and verifiable records (docs/governance.md)            */
/* ------------------------------------------------------------------------------------------ */

/**
 * Checks a constitution file (docs/governance.md): every problem, errors first (a category no
 * body decides, a delegation cycle, a reserved matter delegated, ...), then warnings (terms that
 * ended or end within 90 days of `as_of`, vacant seats, an overdue review).
 * @param path   the constitution JSON; the organisation file it names is read too
 * @param as_of  the date to check terms and the review date against, "YYYY-MM-DD"
 * @param out    receives [{"severity": "error"|"warning", "path" (JSON pointer), "line",
 *               "message"}]; free it with accord_string_free()
 * @return ACCORD_OK (even when there are errors: read "severity"); ACCORD_EPARSE for a file that
 *         is not a constitution (the message names the file, line and JSON path); ACCORD_EIO;
 *         ACCORD_EINVALID for a bad date. Thread-safety: reads files only. @since 0.5
 */
ACCORD_API accord_status accord_constitution_check(const char* path, const char* as_of, char** out);

/**
 * May a body decide a category (on a date, for an amount)? Under which rule, and why?
 * @param path        the constitution JSON (refused if invalid, as accord_constitution_check()
 *                    would report)
 * @param query_json  {"body": ID, "category": ID, "date": "YYYY-MM-DD" (optional), "amount":
 *                    "80000" (optional, exact)}
 * @param out         receives {"allowed", "body", "category", "decider", "rule", "chain" (one
 *                    sentence per step of delegation), "reason", "warnings"}; free it with
 *                    accord_string_free()
 * @return ACCORD_OK; ACCORD_ENOTFOUND for an unknown body or category; ACCORD_EINVALID;
 *         ACCORD_EPARSE; ACCORD_EIO. Thread-safety: reads files only. @since 0.5
 */
ACCORD_API accord_status accord_mandate(const char* path, const char* query_json, char** out);

/**
 * Counts and writes a verifiable record: the invocation, the SHA-256 of every input file,
 * accord's version, the outcome (result or decision, turnout, roll-call, per-PCN breakdown,
 * consensus) and a UTC timestamp.
 * @param invocation_json {"command": "vote", "constitution", "ballots", "category", ...},
 *                        {"command": "run", "method", "options", "ballots": {"file", "read"},
 *                        "org", "weighting"}, {"command": "decide", "votes", "org", "rule"} or
 *                        {"command": "brief", "record": VOTE_RECORD, "body", "meeting", "expires",
 *                        "representative"} (a representative's brief, which pins the vote's record
 *                        and the constitution; docs/governance.md)
 * @param path            NULL, or the file to write the record to
 * @param out             receives the record JSON; free it with accord_string_free()
 * @return ACCORD_OK; ACCORD_EINVALID for a bad invocation; the count's own errors; ACCORD_EIO.
 *         Thread-safety: reads its inputs, writes `path`. @since 0.5
 */
ACCORD_API accord_status accord_record(const char* invocation_json, const char* path, char** out);

/**
 * Verifies a record by recounting: each input's SHA-256 is compared with the recorded one (a
 * changed file is named), then the outcome is recounted and compared field by field (an edited
 * figure is named by its path, e.g. "outcome.turnout.units").
 * @param record_path  a record written by accord_record() or `--record`
 * @param out          receives {"ok": true|false, "problems": [...], "checked": [...]}; free it
 *                     with accord_string_free()
 * @return ACCORD_OK whether or not the record stands (read "ok"); ACCORD_EPARSE for a file that
 *         is not a record; ACCORD_EIO. Thread-safety: reads files only. @since 0.5
 */
ACCORD_API accord_status accord_verify(const char* record_path, char** out);

/**
 * Checks a rule's result on a profile against voting criteria (docs/check.md): Condorcet winner
 * and loser, majority, mutual majority, Smith and Pareto (exact); monotonicity, participation,
 * independence of clones and coalitional manipulation (deterministic searches bounded by
 * "search_limit", with the modified profile that witnesses a violation); JR, PJR and EJR for
 * committees over approval ballots (exact, bounded by "cohesive_limit", with the witness group).
 * Each check is "pass", "fail", "not-applicable" or "unknown" (a limit stopped an exact check),
 * with a reason.
 * @param p            the profile
 * @param method       a registry name, as accord_run()
 * @param options_json NULL or {"rule_options": {...} (as accord_run()'s options), "search_limit":
 *                     2000, "cohesive_limit": 5000000, "checks": ["monotonicity", ...] (default all)}
 * @param out          receives {"rule", "candidates", "winners", "complete", "checks": [{"name",
 *                     "verdict", "exact", "reason", "about", "evaluated", "witness" {"change",
 *                     "candidates", "ballots", "winners"}, "group" {"common", "weight", "ballots"}}]};
 *                     free it with accord_string_free()
 * @return ACCORD_OK; ACCORD_EINVALID (a bad option, named); ACCORD_ENOTFOUND (unknown rule or
 *         check); the rule's own errors. Thread-safety: reads `p` only. @since 0.5
 */
ACCORD_API accord_status accord_check(const accord_profile* p, const char* method, const char* options_json,
                                      char** out);

#ifdef __cplusplus
}
#endif

#endif /* ACCORD_H */
