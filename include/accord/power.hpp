// accord/power.hpp: power indices of weighted voting games, exactly.
//
// A game is one or more weighted majorities [q; w1..wn] that must all hold (a double majority of
// practices AND patients is two), optionally with a-priori unions (practices inside their PCNs).
// Indices: Banzhaf (swings, normalised, absolute), Shapley-Shubik, Holler (public good),
// Deegan-Packel, Johnston, Coleman's powers to act / prevent / initiate, Owen and Banzhaf-Owen,
// Chow parameters, Rae, Colomer-Martinez, Koenig-Braeuninger, Nevison, the public help indices
// theta and xi, Felsenthal, Tijs, Harsanyi-Nash, the null-player-free indices F and G, the
// symmetric coalitional Banzhaf index, and the counts and raw sums behind them (swings, pivots,
// minimal winning coalitions).
// Counts are exact integers and indices exact rationals; doubles sit beside them for display.
// Definitions, sources, algorithms and their complexity: docs/methods/power.md.
#pragma once

#include "accord/error.hpp"
#include "accord/number.hpp"

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace accord {
inline namespace v0 {

using player_t = std::uint32_t;

/// One weighted majority: a coalition meets it iff the sum of its members' weights is >= quota.
struct weighted_majority {
    std::uint64_t quota = 0;
    std::vector<std::uint64_t> weights; ///< one per player
};

/// A simple game given by weighted majorities that must all be met (a weighted "vector" game).
struct weighted_game {
    std::vector<std::string> players;          ///< display names; empty means "p1", "p2", ...
    std::vector<weighted_majority> majorities; ///< at least one; all of the same length
    /// A-priori unions (a partition of the players) for the Owen and Banzhaf-Owen indices;
    /// empty means none (every player alone).
    std::vector<std::vector<player_t>> unions;

    std::size_t player_count() const { return majorities.empty() ? 0 : majorities[0].weights.size(); }
};

/// [q; w1..wn], one majority.
weighted_game make_weighted_game(std::uint64_t quota, std::vector<std::uint64_t> weights,
                                 std::vector<std::string> players = {});

/// How a fraction turns into an integer quota: "at least f of the total" (weight >= f*T) or
/// "strictly more than f of the total" (weight > f*T, e.g. a strict majority of patients).
enum class quota_rule : std::uint8_t { at_least = 0, more_than = 1 };

/// The smallest integer q with: weight >= q  <=>  weight >= f*total (at_least) or
/// weight > f*total (more_than). f must lie in [0, 1]; throws errc::invalid otherwise.
std::uint64_t quota_from_fraction(std::uint64_t total, const rational& fraction, quota_rule rule);
std::uint64_t quota_from_fraction(std::span<const std::uint64_t> weights, const rational& fraction,
                                  quota_rule rule);

/// Checks sizes, quotas (1 <= q <= total weight, so the grand coalition wins and the empty one
/// loses) and that unions, if any, partition the players. Throws errc::invalid naming the problem.
void validate(const weighted_game& g);

/// Does the coalition (player indices) win? Duplicates are an error.
bool is_winning(const weighted_game& g, std::span<const player_t> coalition);

/// Which indices to compute (bit flags).
enum power_index : unsigned {
    index_banzhaf = 1u << 0, ///< swings, normalised and absolute Banzhaf
    index_shapley_shubik = 1u << 1,
    index_holler = 1u << 2, ///< public good index
    index_deegan_packel = 1u << 3,
    index_johnston = 1u << 4,
    index_coleman = 1u << 5,             ///< power of the collectivity to act, to prevent, to initiate
    index_owen = 1u << 6,                ///< needs unions
    index_banzhaf_owen = 1u << 7,        ///< needs unions
    index_chow = 1u << 8,                ///< winning coalitions containing each player, and their total
    index_rae = 1u << 9,                 ///< probability of agreeing with the outcome
    index_colomer = 1u << 10,            ///< Colomer-Martinez (one majority; by enumeration)
    index_minimal_winning = 1u << 11,    ///< minimal winning coalitions containing each player
    index_koenig_braeuninger = 1u << 12, ///< share of the winning coalitions that contain the player
    index_nevison = 1u << 13,            ///< probability that a motion passes when the player votes yes
    index_public_help = 1u << 14,        ///< public help index theta (Bertini, Gambarelli & Stach)
    index_felsenthal = 1u << 15,         ///< minimal winning coalitions of the least size (Felsenthal)
    index_tijs = 1u << 16,               ///< shared equally by the veto players (needs one)
    index_public_help_xi = 1u << 17,     ///< public help index xi (Bertini & Stach)
    index_harsanyi_nash = 1u << 18,      ///< all to a sole veto player, else 1/n each (as EPIC)
    index_null_player_free_f = 1u << 19, ///< Deegan-Packel over the null-player-free winning coalitions
    index_null_player_free_g = 1u << 20, ///< public good over the null-player-free winning coalitions
    index_symmetric_coalitional_banzhaf = 1u << 21, ///< Banzhaf among unions, Shapley inside (needs unions)
    index_all = (1u << 22) - 1,
    /// "The defaults": every index default_power_indices() gives this game and method. The
    /// default of power_options::indices, and what the CLI, C API and Python use when no index
    /// is named (one table, so the three front doors agree).
    index_defaults = 1u << 31,
};

enum class power_method : std::uint8_t {
    /// The best method that fits: exact (dynamic programme, enumeration where only it applies)
    /// when its tables fit an eighth of the memory budget (512 MiB by default, see
    /// accord_set_memory_budget()); otherwise, for the default indices of a
    /// one-majority game, the proven-bound Fourier estimate of Banzhaf (labelled, with a note
    /// saying why). Indices the caller named explicitly are never silently replaced: the error
    /// then names the method that can answer.
    automatic = 0,
    dynamic_programming = 1, ///< generating functions over weight sums (errc::unsupported if not applicable)
    enumeration = 2,         ///< all 2^n coalitions: the test oracle (n <= 30)
    monte_carlo = 3,         ///< sampled estimates with confidence intervals (Banzhaf, Shapley-Shubik)
    fourier_bound = 4,       ///< Banzhaf of a one-majority game with a proven error bound (banzhaf_fourier)
};

/// The most Monte Carlo samples power_indices() accepts (power_options::samples).
inline constexpr std::uint64_t k_max_power_samples = 10'000'000'000;

struct power_options {
    unsigned indices = index_defaults;
    power_method method = power_method::automatic;
    /// Monte Carlo only: samples per index, seed, and two-sided confidence level of the intervals.
    std::uint64_t samples = 1'000'000;
    std::uint64_t seed = 1;
    double confidence = 0.95;
    /// Called now and then with the fraction done (0..1); return false to cancel, which throws
    /// accord::error(errc::cancelled).
    std::function<bool(double)> progress;
    /// Enumeration refuses games with more players than this (2^n coalitions).
    std::size_t max_enumeration_players = 30;
    /// Threads for the exact residue passes (games of more than 63 players): 0 = every hardware
    /// thread. The values do not depend on it.
    unsigned threads = 0;
    /// fourier_bound only: the proven bound on the absolute error of each swing probability
    /// that the series is summed to.
    double target_error = 1e-12;
};

/// One index for every player: exact values and their nearest doubles. Estimates (Monte Carlo)
/// leave `exact` empty and fill `lower`/`upper` with the confidence interval.
struct index_values {
    std::vector<rational> exact;
    std::vector<double> value;
    std::vector<double> lower, upper;
    bool empty() const { return value.empty(); }
};

struct power_result {
    std::vector<std::string> players;
    std::string method; ///< "dynamic-programming", "enumeration", "monte-carlo", "fourier-bound"
    bool exact = true;  ///< false for estimates: then only value/lower/upper are filled
    std::uint64_t samples = 0;
    double confidence = 0;
    /// fourier-bound: proven bounds on |estimate - exact| of every normalised and absolute
    /// Banzhaf value (lower/upper are the estimate -/+ the bound, clipped to [0, 1]).
    double error_bound = 0, error_bound_absolute = 0;

    /// Banzhaf: swings[i] = number of coalitions S not containing i with S losing and S+i
    /// winning (Banzhaf 1965). normalised = swings / total swings; absolute = swings / 2^(n-1).
    std::vector<big_int> swings;
    big_int total_swings;
    index_values banzhaf, banzhaf_absolute;
    index_values shapley_shubik;
    /// Shapley-Shubik numerators: pivots[i] = number of the n! orders of the players in which i is
    /// pivotal (turns the players before it from losing to winning); they sum to n!.
    std::vector<big_int> pivots;
    /// Minimal winning coalitions containing each player, and their total number.
    std::vector<big_int> minimal_winning;
    big_int minimal_winning_total;
    /// Holler's public good index, normalised (holler: m_i / sum_j m_j) and absolute
    /// (holler_absolute: m_i / |M|, Holler & Packel 1983), with Deegan-Packel and Johnston.
    index_values holler, holler_absolute, deegan_packel, johnston;
    /// The raw sums before they are divided (with deegan_packel and johnston): the sum over the
    /// minimal winning coalitions S containing i of 1/|S|, and over the winning coalitions in
    /// which i is one of c(S) critical members of 1/c(S).
    index_values deegan_packel_raw, johnston_raw;
    /// Coleman (1971): winning = number of winning coalitions; act = winning / 2^n;
    /// prevent_i = swings_i / winning; initiate_i = swings_i / losing.
    big_int winning_coalitions;
    rational coleman_act;
    double coleman_act_value = 0;
    index_values coleman_prevent, coleman_initiate;
    /// Owen (1977) and Banzhaf-Owen (Owen 1982) with the game's a-priori unions.
    index_values owen, banzhaf_owen;
    /// Chow (1961) parameters: chow[i] = winning coalitions containing i (their total is
    /// winning_coalitions).
    std::vector<big_int> chow;
    /// Rae (1969): the probability that i's vote agrees with the outcome when every coalition is
    /// equally likely, (2^(n-1) + swings_i) / 2^n (Dubey & Shapley 1979: 1/2 + absolute Banzhaf/2).
    index_values rae;
    /// Colomer & Martinez (1995): (1/|M|) sum over minimal winning S containing i of w_i / w(S).
    index_values colomer;
    /// From the Chow parameters c_i: Koenig & Braeuninger (1998) c_i / |W|; Nevison (1979)
    /// c_i / 2^(n-1); the public help index theta (Bertini, Gambarelli & Stach 2008) c_i / sum_j c_j.
    index_values koenig_braeuninger, nevison, public_help;
    /// Felsenthal (2016): the minimal winning coalitions of the least size s, each equally likely
    /// and split equally: f_i / (s |M_s|), f_i = those containing i.
    index_values felsenthal;
    /// With felsenthal: f_i itself, the minimal winning coalitions of the least size containing i.
    index_values felsenthal_raw;
    /// Tijs (1981): 1/|V| for each of the veto players V (those in every winning coalition), 0
    /// for the others; undefined without a veto player. Harsanyi-Nash as EPIC computes it: 1 for
    /// a sole veto player, otherwise 1/n for every player.
    index_values tijs, harsanyi_nash;
    /// Public help xi (Bertini & Stach 2015): sum_{S in W, i in S} 1/|S|^2 over sum_{S in W} 1/|S|.
    index_values public_help_xi;
    /// Alvarez-Mozos, Ferreira, Alonso-Meijide & Pinto (2015), over the winning coalitions
    /// without a null player (W^np): F_i = (1/|W^np|) sum_{S in W^np, i in S} 1/|S| and
    /// G_i = #{S in W^np : i in S} / sum_j #{S in W^np : j in S}; 0 for a null player.
    index_values null_player_free_f, null_player_free_g;
    /// Symmetric coalitional Banzhaf (Alonso-Meijide & Fiestras-Janeiro 2002) with the game's
    /// a-priori unions: Banzhaf among the unions, Shapley-Shubik inside i's union.
    index_values symmetric_coalitional_banzhaf;

    std::vector<std::string> notes;
};

/// The default indices of a game for a method (the table behind index_defaults): Monte Carlo
/// Banzhaf and Shapley-Shubik; fourier-bound Banzhaf; otherwise every index with an exact method
/// at a sensible cost: Banzhaf, Shapley-Shubik and Coleman, Holler and Deegan-Packel for one
/// majority or up to 20 players, Johnston up to 20 players, Owen and Banzhaf-Owen with unions.
unsigned default_power_indices(const weighted_game& g, power_method m);

/// One power index: the name every front door uses, its bit, its page, and where a result keeps
/// its values (null for Coleman, whose three measures have their own members).
struct power_index_info {
    const char* name;
    const char* summary; ///< one line, as docs/methods/power.md's table of names
    unsigned bit;
    index_values power_result::*values;
    const char* docs; ///< the docs page that defines it
};
/// Every power index, in the order reports list them: the one table names, parsing, help and
/// error texts come from ("all" is not an entry; it means every one).
std::span<const power_index_info> power_index_table();
/// The table as a JSON array, [{"name", "summary", "docs"}], in its order: what
/// accord_power_indices_json(), accord.power_indices() and `accord methods --family power --json`
/// give.
std::string power_indices_json();

/// One power method: its name, its value and a note for help texts (empty if none).
struct power_method_info {
    const char* name;
    power_method method;
    const char* note;
};
/// Every power method, in the order help texts list them.
std::span<const power_method_info> power_method_table();

/// The table's names joined by `sep`, the last pair by `last` ("a, b or c").
std::string power_index_names(std::string_view sep = ", ", std::string_view last = ", ");
std::string power_method_names(std::string_view sep = ", ", std::string_view last = ", ");

/// Index names (power_index_table(), or "all") to bits; errc::invalid naming the unknown one.
unsigned parse_power_index(std::string_view name);
/// Method names (power_method_table()); errc::invalid otherwise.
power_method parse_power_method(std::string_view name);

/// The options every front door computes with: indices named explicitly keep only the Owen
/// indices a game with a-priori unions can give (so "all" means all that apply).
power_options fit_power_options(const weighted_game& g, power_options opt);

/// The one reader of power games and options given as JSON (the C API and the CLI marshal into
/// it). Game: {"quota": q, "weights": [...]} or {"majorities": [{"quota", "weights"}, ...]}, plus
/// "players" and "unions" (0-based). Options: "indices" (a name, a list, or a comma-separated
/// string), "method", "samples" (1 to 10^10), "seed", "confidence" in (0, 1). Whole numbers are
/// JSON integers >= 0 or decimal strings; negative, fractional or too large values are
/// errc::invalid naming the member.
weighted_game power_game_from_json(std::string_view json);
power_options power_options_from_json(std::string_view json);

/// Computes the requested indices. Throws errc::invalid for a malformed game, errc::unsupported
/// when no method can compute an index for this game (say which), errc::cancelled on request.
power_result power_indices(const weighted_game& g, const power_options& opt = {});

/// Shorthands for one index with the default exact method.
power_result banzhaf(const weighted_game& g);
power_result shapley_shubik(const weighted_game& g);

/// JSON: "players", "banzhaf", "shapley_shubik", ... (doubles), "banzhaf_exact", ... (exact
/// fractions as strings like "421/2145"), "swings" (integers as strings), "method", "exact";
/// estimates add "_lower"/"_upper" and "samples"/"confidence" (Monte Carlo) or "error_bound"/
/// "error_bound_absolute" (fourier-bound).
/// indent < 0 gives one line.
std::string to_json(const power_result& r, int indent = -1);

// ---- Scale: a proven approximation for games too large for exact counting -----------------

/// Swing probabilities of a one-majority game from its characteristic function, with a proven
/// bound on the absolute error of each probability (see docs/methods/power.md, "England").
struct banzhaf_bound_result {
    std::vector<double> absolute;   ///< estimate of swings_i / 2^(n-1)
    std::vector<double> normalised; ///< estimate of swings_i / total swings
    double absolute_error = 0;      ///< proven: |absolute[i] - exact| <= absolute_error for all i
    double normalised_error = 0;    ///< proven bound for normalised[i]
    std::size_t frequencies = 0;    ///< Fourier terms summed
};
banzhaf_bound_result banzhaf_fourier(const weighted_game& g, double target_error = 1e-12,
                                     const std::function<bool(double)>& progress = {});

} // namespace v0
} // namespace accord
