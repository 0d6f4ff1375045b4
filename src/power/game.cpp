// Weighted games: construction, quotas, validation, the driver that picks an algorithm, JSON.
#include "power_internal.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <numeric>

namespace accord {
inline namespace v0 {

using power_detail::pow2;
__extension__ typedef unsigned __int128 u128_t;

weighted_game make_weighted_game(std::uint64_t quota, std::vector<std::uint64_t> weights,
                                 std::vector<std::string> players) {
    weighted_game g;
    g.players = std::move(players);
    g.majorities.push_back({quota, std::move(weights)});
    return g;
}

std::uint64_t quota_from_fraction(std::uint64_t total, const rational& fraction, quota_rule rule) {
    if (fraction < 0 || fraction > 1)
        throw error(errc::invalid,
                    "quota_from_fraction: fraction must lie in [0, 1], got " + to_string(fraction));
    // f*T exactly; at_least -> ceil(f*T), more_than -> floor(f*T) + 1.
    const rational x = fraction * rational(big_int(total));
    const big_int num = boost::multiprecision::numerator(x), den = boost::multiprecision::denominator(x);
    big_int fl = num / den; // num >= 0, so truncation is floor
    big_int q = rule == quota_rule::more_than ? big_int(fl + 1) : big_int(fl * den == num ? fl : fl + 1);
    return q.convert_to<std::uint64_t>();
}

std::uint64_t quota_from_fraction(std::span<const std::uint64_t> weights, const rational& fraction,
                                  quota_rule rule) {
    big_int total = 0;
    for (auto w : weights) total += w;
    if (total > big_int(std::numeric_limits<std::uint64_t>::max()))
        throw error(errc::overflow, "quota_from_fraction: total weight exceeds 2^64");
    return quota_from_fraction(total.convert_to<std::uint64_t>(), fraction, rule);
}

void validate(const weighted_game& g) {
    if (g.majorities.empty())
        throw error(errc::invalid, "weighted game: no majority (quota and weights) given");
    const std::size_t n = g.majorities[0].weights.size();
    if (n == 0) throw error(errc::invalid, "weighted game: no players");
    if (!g.players.empty() && g.players.size() != n)
        throw error(errc::invalid, "weighted game: " + std::to_string(g.players.size()) +
                                       " player names for " + std::to_string(n) + " weights");
    for (std::size_t d = 0; d < g.majorities.size(); ++d) {
        const auto& m = g.majorities[d];
        const std::string which = "weighted game: majority " + std::to_string(d + 1);
        if (m.weights.size() != n)
            throw error(errc::invalid, which + " has " + std::to_string(m.weights.size()) +
                                           " weights, expected " + std::to_string(n));
        u128_t total = 0;
        for (auto w : m.weights) total += w;
        if (total > std::numeric_limits<std::uint64_t>::max())
            throw error(errc::overflow, which + ": total weight exceeds 2^64");
        if (m.quota == 0)
            throw error(errc::invalid,
                        which + ": quota must be at least 1 (with quota 0 the empty coalition wins)");
        if (m.quota > total)
            throw error(errc::invalid,
                        which + ": quota " + std::to_string(m.quota) + " exceeds the total weight " +
                            std::to_string(static_cast<std::uint64_t>(total)) + ", so no coalition wins");
    }
    if (!g.unions.empty()) {
        std::vector<int> seen(n, 0);
        for (std::size_t u = 0; u < g.unions.size(); ++u) {
            if (g.unions[u].empty())
                throw error(errc::invalid, "weighted game: union " + std::to_string(u + 1) + " is empty");
            for (auto p : g.unions[u]) {
                if (p >= n)
                    throw error(errc::invalid, "weighted game: union " + std::to_string(u + 1) +
                                                   " names player " + std::to_string(p) + ", but there are " +
                                                   std::to_string(n));
                if (seen[p]++)
                    throw error(errc::invalid,
                                "weighted game: player " + std::to_string(p) + " is in more than one union");
            }
        }
        for (std::size_t p = 0; p < n; ++p)
            if (!seen[p])
                throw error(errc::invalid, "weighted game: player " + std::to_string(p) +
                                               " is in no union (unions must partition the players)");
    }
}

bool is_winning(const weighted_game& g, std::span<const player_t> coalition) {
    const std::size_t n = g.player_count();
    std::vector<char> in(n, 0);
    for (auto p : coalition) {
        if (p >= n) throw error(errc::invalid, "is_winning: no player " + std::to_string(p));
        if (in[p]++) throw error(errc::invalid, "is_winning: player " + std::to_string(p) + " listed twice");
    }
    for (const auto& m : g.majorities) {
        u128_t s = 0;
        for (auto p : coalition) s += m.weights[p];
        if (s < m.quota) return false;
    }
    return true;
}

namespace power_detail {

void fill_doubles(index_values& v) {
    v.value.resize(v.exact.size());
    for (std::size_t i = 0; i < v.exact.size(); ++i) v.value[i] = to_double(v.exact[i]);
}

void finish_banzhaf(power_result& r, std::size_t n, bool coleman) {
    r.total_swings = 0;
    for (const auto& s : r.swings) r.total_swings += s;
    const big_int half = pow2(n - 1);
    r.banzhaf.exact.resize(n);
    r.banzhaf_absolute.exact.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        r.banzhaf.exact[i] = r.total_swings == 0 ? rational(0) : rational(r.swings[i], r.total_swings);
        r.banzhaf_absolute.exact[i] = rational(r.swings[i], half);
    }
    fill_doubles(r.banzhaf);
    fill_doubles(r.banzhaf_absolute);
    if (coleman) {
        const big_int all = pow2(n);
        const big_int losing = all - r.winning_coalitions;
        r.coleman_act = rational(r.winning_coalitions, all);
        r.coleman_act_value = to_double(r.coleman_act);
        r.coleman_prevent.exact.resize(n);
        r.coleman_initiate.exact.resize(n);
        for (std::size_t i = 0; i < n; ++i) {
            r.coleman_prevent.exact[i] = rational(r.swings[i], r.winning_coalitions);
            r.coleman_initiate.exact[i] = rational(r.swings[i], losing);
        }
        fill_doubles(r.coleman_prevent);
        fill_doubles(r.coleman_initiate);
    }
}

void finish_chow_rae(power_result& r, std::size_t n, unsigned want) {
    // Every winning S not containing i stays winning with i, so the S + i that win number
    // #{S wins, i not in S} + swings_i, and together with the former they are all |W| winning
    // coalitions: chow_i = (|W| + swings_i) / 2.
    if (want & (index_chow | k_chow_indices)) {
        std::vector<big_int> chow(n);
        for (std::size_t i = 0; i < n; ++i) {
            const big_int twice = r.winning_coalitions + r.swings[i];
            if (boost::multiprecision::bit_test(twice, 0))
                throw error(errc::error, "power indices: odd |W| + swings (a bug: please report it)");
            chow[i] = twice >> 1;
        }
        finish_chow_indices(r, chow, n, want);
        if (want & index_chow) r.chow = std::move(chow);
    }
    // Rae (1969): i agrees with the outcome in the 2^(n-1) + swings_i coalitions (of 2^n) in which
    // it votes yes and the motion passes or it votes no and the motion fails (Dubey & Shapley 1979).
    if (want & index_rae) {
        const big_int half = pow2(n - 1), all = pow2(n);
        r.rae.exact.resize(n);
        for (std::size_t i = 0; i < n; ++i) r.rae.exact[i] = rational(half + r.swings[i], all);
        fill_doubles(r.rae);
    }
}

void finish_chow_indices(power_result& r, const std::vector<big_int>& chow, std::size_t n, unsigned want) {
    // Koenig & Braeuninger (1998), "The inclusiveness of European decision rules": the share of
    // the winning coalitions that contain i.
    if (want & index_koenig_braeuninger) {
        r.koenig_braeuninger.exact.resize(n);
        for (std::size_t i = 0; i < n; ++i)
            r.koenig_braeuninger.exact[i] = rational(chow[i], r.winning_coalitions);
        fill_doubles(r.koenig_braeuninger);
    }
    // Nevison (1979): the probability, the others voting yes or no with equal chances, that the
    // motion passes when i votes yes: c_i / 2^(n-1) (a dictator gets 1).
    if (want & index_nevison) {
        const big_int others = pow2(n - 1);
        r.nevison.exact.resize(n);
        for (std::size_t i = 0; i < n; ++i) r.nevison.exact[i] = rational(chow[i], others);
        fill_doubles(r.nevison);
    }
    // Bertini, Gambarelli & Stach (2008): the public help index theta, c_i / sum_j c_j.
    if (want & index_public_help) {
        big_int total = 0;
        for (const auto& c : chow) total += c;
        r.public_help.exact.resize(n);
        for (std::size_t i = 0; i < n; ++i) r.public_help.exact[i] = rational(chow[i], total);
        fill_doubles(r.public_help);
    }
}

void finish_felsenthal(power_result& r, const std::vector<big_int>& at_least_size) {
    // Felsenthal (2016): every minimal winning coalition of the least size s holds s members, so
    // f_i / (s |M_s|) = f_i / sum_j f_j.
    big_int total = 0;
    for (const auto& f : at_least_size) total += f;
    r.felsenthal.exact.resize(at_least_size.size());
    r.felsenthal_raw.exact.resize(at_least_size.size());
    for (std::size_t i = 0; i < at_least_size.size(); ++i) {
        r.felsenthal.exact[i] = rational(at_least_size[i], total);
        r.felsenthal_raw.exact[i] = rational(at_least_size[i]);
    }
    fill_doubles(r.felsenthal);
    fill_doubles(r.felsenthal_raw);
}

std::vector<bool> veto_players(const weighted_game& g) {
    const std::size_t n = g.player_count();
    std::vector<bool> veto(n, false);
    for (const auto& m : g.majorities) {
        u128_t total = 0;
        for (auto w : m.weights) total += w;
        for (std::size_t i = 0; i < n; ++i)
            if (total - m.weights[i] < m.quota) veto[i] = true;
    }
    return veto;
}

void finish_veto_indices(power_result& r, const weighted_game& g, unsigned want) {
    if (!(want & (index_tijs | index_harsanyi_nash))) return;
    const std::size_t n = g.player_count();
    const auto veto = veto_players(g);
    const auto vetoes = static_cast<std::size_t>(std::count(veto.begin(), veto.end(), true));
    if (want & index_tijs) {
        // Tijs (1981): the tau-value of a simple game with veto players splits the prize equally
        // among them; without one the game is not quasi-balanced and the value is undefined
        // (EPIC refuses it too).
        if (vetoes == 0)
            throw error(errc::unsupported, "power indices: the Tijs index needs a veto player (one in every "
                                           "winning coalition), and this game has none");
        r.tijs.exact.resize(n);
        for (std::size_t i = 0; i < n; ++i)
            r.tijs.exact[i] = veto[i] ? rational(1, static_cast<long>(vetoes)) : rational(0);
        fill_doubles(r.tijs);
    }
    if (want & index_harsanyi_nash) {
        // As EPIC defines it: a sole veto player takes everything (the core is that one point);
        // otherwise the Nash bargaining split, 1/n to every player, null players included.
        r.harsanyi_nash.exact.resize(n);
        for (std::size_t i = 0; i < n; ++i)
            r.harsanyi_nash.exact[i] =
                vetoes == 1 ? rational(veto[i] ? 1 : 0) : rational(1, static_cast<long>(n));
        fill_doubles(r.harsanyi_nash);
    }
}

namespace {

/// Winning coalitions by size, and those containing each player by size, from the swings by
/// size (eta[i * n + k]: coalitions of k others that i turns from losing to winning).
/// with[i][k] = #{T subset N - i : |T| = k - 1, T + i wins}: the T that win already, which are
/// the winning[k - 1] winning (k-1)-coalitions less the with[i][k - 1] that contain i, and the
/// eta_i(k - 1) that i turns. Summed over i, with[.][k] counts each winning k-coalition k times:
/// k winning[k] = (n - k + 1) winning[k - 1] + sum_i eta_i(k - 1).
struct sized_counts {
    std::vector<big_int> winning;           ///< [k], k = 0..n
    std::vector<std::vector<big_int>> with; ///< [i][k]
};

sized_counts winning_by_size(std::size_t n, const std::vector<big_int>& eta) {
    sized_counts s;
    s.winning.assign(n + 1, 0);
    s.with.assign(n, std::vector<big_int>(n + 1, 0));
    for (std::size_t k = 1; k <= n; ++k) {
        big_int total = big_int(static_cast<unsigned long>(n - k + 1)) * s.winning[k - 1];
        for (std::size_t i = 0; i < n; ++i) {
            const auto& e = eta[i * n + k - 1];
            total += e;
            s.with[i][k] = s.winning[k - 1] - s.with[i][k - 1] + e;
        }
        const big_int size = static_cast<unsigned long>(k);
        if (total % size != 0)
            throw error(errc::error, "power indices: winning coalitions by size do not divide (a bug: please "
                                     "report it)");
        s.winning[k] = total / size;
    }
    return s;
}

} // namespace

void finish_by_size_indices(power_result& r, std::size_t n, const std::vector<big_int>& eta, unsigned want) {
    if (want & index_public_help_xi) {
        // Bertini & Stach (2015): each winning coalition S shares 1/|S| equally among its members,
        // xi_i = sum_{S in W, i in S} 1/|S|^2 / sum_{S in W} 1/|S|, so the xi sum to 1.
        const auto s = winning_by_size(n, eta);
        rational total = 0;
        for (std::size_t k = 1; k <= n; ++k)
            if (s.winning[k] != 0) total += rational(s.winning[k], big_int(static_cast<unsigned long>(k)));
        r.public_help_xi.exact.resize(n);
        for (std::size_t i = 0; i < n; ++i) {
            rational acc = 0;
            for (std::size_t k = 1; k <= n; ++k)
                if (s.with[i][k] != 0)
                    acc += rational(s.with[i][k], big_int(static_cast<unsigned long>(k * k)));
            r.public_help_xi.exact[i] = acc / total;
        }
        fill_doubles(r.public_help_xi);
    }
    if (want & index_null_player_free_f) {
        // The winning coalitions without a null player are those of the game without its null
        // players (a null player never changes whether a coalition wins). Each null player
        // multiplies a player's swings by size by (1 + y), so dividing the z factors out gives
        // the reduced game's, and its counts by size follow as above.
        std::vector<std::size_t> kept;
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t k = 0; k < n; ++k)
                if (eta[i * n + k] != 0) {
                    kept.push_back(i);
                    break;
                }
        const std::size_t m = kept.size(), z = n - m;
        std::vector<big_int> reduced(m * m);
        for (std::size_t j = 0; j < m; ++j) {
            std::vector<big_int> row(eta.begin() + static_cast<std::ptrdiff_t>(kept[j] * n),
                                     eta.begin() + static_cast<std::ptrdiff_t>(kept[j] * n + n));
            for (std::size_t rep = 0; rep < z; ++rep)
                for (std::size_t k = 1; k < n; ++k)
                    row[k] -= row[k - 1]; // e = (1 + y) a: a_k = e_k - a_(k-1)
            for (std::size_t k = m; k < n; ++k)
                if (row[k] != 0)
                    throw error(errc::error, "power indices: null players do not divide out (a bug: please "
                                             "report it)");
            std::copy(row.begin(), row.begin() + static_cast<std::ptrdiff_t>(m),
                      reduced.begin() + static_cast<std::ptrdiff_t>(j * m));
        }
        const auto s = winning_by_size(m, reduced);
        big_int winning = 0;
        for (const auto& w : s.winning) winning += w;
        // Alvarez-Mozos, Ferreira, Alonso-Meijide & Pinto (2015), index f: Deegan-Packel's split
        // over every null-player-free winning coalition, each equally likely.
        r.null_player_free_f.exact.assign(n, 0);
        for (std::size_t j = 0; j < m; ++j) {
            rational acc = 0;
            for (std::size_t k = 1; k <= m; ++k)
                if (s.with[j][k] != 0) acc += rational(s.with[j][k], big_int(static_cast<unsigned long>(k)));
            r.null_player_free_f.exact[kept[j]] = acc / rational(winning);
        }
        fill_doubles(r.null_player_free_f);
    }
}

void finish_null_player_free_g(power_result& r, std::size_t n) {
    // Alvarez-Mozos, Ferreira, Alonso-Meijide & Pinto (2015), index g: the null-player-free winning
    // coalitions containing i over the sum of those counts. With z null players, |W| = |W^np| 2^z
    // and swings_i = swings^np_i 2^z, and by the Dubey-Shapley identity (chow_i = (|W| + swings_i)
    // / 2, finish_chow_rae) a player other than a null player is in (|W^np| + swings^np_i) / 2.
    std::size_t z = 0;
    for (const auto& s : r.swings) z += s == 0;
    const big_int winning = r.winning_coalitions >> static_cast<unsigned>(z);
    std::vector<big_int> in(n, 0);
    big_int total = 0;
    for (std::size_t i = 0; i < n; ++i)
        if (r.swings[i] != 0) {
            in[i] = (winning + (r.swings[i] >> static_cast<unsigned>(z))) >> 1;
            total += in[i];
        }
    r.null_player_free_g.exact.resize(n);
    for (std::size_t i = 0; i < n; ++i) r.null_player_free_g.exact[i] = rational(in[i], total);
    fill_doubles(r.null_player_free_g);
}

} // namespace power_detail

namespace {

std::vector<std::string> player_names(const weighted_game& g) {
    if (!g.players.empty()) return g.players;
    std::vector<std::string> out(g.player_count());
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = "p" + std::to_string(i + 1);
    return out;
}

const char* index_name(unsigned bit) {
    for (const auto& i : power_index_table())
        if (i.bit == bit) return i.name;
    return "?";
}

/// Indices the dynamic programme computes for this game.
unsigned dp_supported(const weighted_game& g) {
    unsigned s = index_banzhaf | index_shapley_shubik | index_coleman | power_detail::k_union_indices |
                 index_chow | index_rae | power_detail::k_chow_indices | power_detail::k_by_size_indices |
                 index_null_player_free_g | index_tijs | index_harsanyi_nash;
    if (g.majorities.size() == 1)
        s |= index_holler | index_deegan_packel | index_minimal_winning | index_felsenthal;
    return s;
}

void merge(power_result& into, power_result&& from, unsigned which) {
    if (which & index_banzhaf) {
        into.swings = std::move(from.swings);
        into.total_swings = from.total_swings;
        into.banzhaf = std::move(from.banzhaf);
        into.banzhaf_absolute = std::move(from.banzhaf_absolute);
    }
    if (which & index_shapley_shubik) {
        into.shapley_shubik = std::move(from.shapley_shubik);
        into.pivots = std::move(from.pivots);
    }
    if (which & (index_holler | index_deegan_packel | index_minimal_winning)) {
        into.minimal_winning = std::move(from.minimal_winning);
        into.minimal_winning_total = from.minimal_winning_total;
    }
    if (which & index_holler) {
        into.holler = std::move(from.holler);
        into.holler_absolute = std::move(from.holler_absolute);
    }
    if (which & index_deegan_packel) {
        into.deegan_packel = std::move(from.deegan_packel);
        into.deegan_packel_raw = std::move(from.deegan_packel_raw);
    }
    if (which & index_johnston) {
        into.johnston = std::move(from.johnston);
        into.johnston_raw = std::move(from.johnston_raw);
    }
    if (which & index_coleman) {
        into.winning_coalitions = from.winning_coalitions;
        into.coleman_act = from.coleman_act;
        into.coleman_act_value = from.coleman_act_value;
        into.coleman_prevent = std::move(from.coleman_prevent);
        into.coleman_initiate = std::move(from.coleman_initiate);
    }
    if (which & index_owen) into.owen = std::move(from.owen);
    if (which & index_banzhaf_owen) into.banzhaf_owen = std::move(from.banzhaf_owen);
    if (which & index_chow) {
        into.chow = std::move(from.chow);
        into.winning_coalitions = from.winning_coalitions;
    }
    if (which & index_rae) into.rae = std::move(from.rae);
    if (which & index_colomer) into.colomer = std::move(from.colomer);
    if (which & power_detail::k_chow_indices) into.winning_coalitions = from.winning_coalitions;
    if (which & index_koenig_braeuninger) into.koenig_braeuninger = std::move(from.koenig_braeuninger);
    if (which & index_nevison) into.nevison = std::move(from.nevison);
    if (which & index_public_help) into.public_help = std::move(from.public_help);
    if (which & index_felsenthal) {
        into.felsenthal = std::move(from.felsenthal);
        into.felsenthal_raw = std::move(from.felsenthal_raw);
    }
    if (which & index_tijs) into.tijs = std::move(from.tijs);
    if (which & index_harsanyi_nash) into.harsanyi_nash = std::move(from.harsanyi_nash);
    if (which & index_public_help_xi) into.public_help_xi = std::move(from.public_help_xi);
    if (which & index_null_player_free_f) into.null_player_free_f = std::move(from.null_player_free_f);
    if (which & index_null_player_free_g) into.null_player_free_g = std::move(from.null_player_free_g);
    if (which & index_symmetric_coalitional_banzhaf)
        into.symmetric_coalitional_banzhaf = std::move(from.symmetric_coalitional_banzhaf);
    for (auto& n : from.notes) into.notes.push_back(std::move(n));
}

} // namespace

namespace {
power_result compute(const weighted_game& g, const power_options& opt);

// What can answer when the exact programme does not fit, for an error that names it.
std::string better_methods(const weighted_game& g) {
    return g.majorities.size() == 1
               ? "method fourier gives Banzhaf with a proven error bound, method monte-carlo estimates "
                 "Banzhaf "
                 "and Shapley-Shubik with confidence intervals"
               : "method monte-carlo estimates Banzhaf and Shapley-Shubik with confidence intervals";
}
} // namespace

power_result power_indices(const weighted_game& g, const power_options& given) {
    validate(g);
    power_options opt = given;
    const bool defaults = (opt.indices & index_defaults) != 0;
    if (defaults) opt.indices = (opt.indices & index_all) | default_power_indices(g, opt.method);
    if (opt.method == power_method::monte_carlo && (opt.samples == 0 || opt.samples > k_max_power_samples))
        throw error(errc::invalid, "power indices: option 'samples' must be between 1 and " +
                                       std::to_string(k_max_power_samples) + ", got " +
                                       std::to_string(opt.samples));
    if (opt.method != power_method::automatic) {
        try {
            return compute(g, opt);
        } catch (const power_detail::table_too_large& e) {
            throw error(errc::unsupported, e.detail() + "; " + better_methods(g));
        }
    }
    try {
        return compute(g, opt);
    } catch (const power_detail::table_too_large& e) {
        // The exact programme does not fit the memory limit. For the default indices of a
        // one-majority game the best answer that fits is the proven-bound Fourier estimate of
        // Banzhaf (issue 13: the default refused what it could answer); indices the caller
        // named are not swapped for others silently, so the error names what can answer.
        if (!defaults || g.majorities.size() != 1)
            throw error(errc::unsupported, e.detail() + "; " + better_methods(g));
        power_options o = opt;
        o.method = power_method::fourier_bound;
        o.indices = index_banzhaf;
        power_result r = compute(g, o);
        r.notes.insert(
            r.notes.begin(),
            "method auto: the exact dynamic programme for the default indices needs more than " +
                detail::format_bytes(static_cast<long double>(power_detail::max_table_bytes())) +
                " per table (an eighth of the memory budget), so this is the Fourier estimate of Banzhaf "
                "with a proven error bound (method monte-carlo estimates Shapley-Shubik too)");
        return r;
    }
}

namespace {
power_result compute(const weighted_game& g, const power_options& opt) {
    const std::size_t n = g.player_count();
    if ((opt.indices & power_detail::k_union_indices) && g.unions.empty())
        throw error(errc::invalid, "power indices: Owen, Banzhaf-Owen and the symmetric coalitional Banzhaf "
                                   "index need a-priori unions (weighted_game::unions)");
    if ((opt.indices & index_all) == 0) throw error(errc::invalid, "power indices: no index requested");
    if ((opt.indices & index_colomer) && g.majorities.size() != 1)
        throw error(errc::unsupported,
                    "power indices: the Colomer-Martinez index is defined for one weighted "
                    "majority (it divides a player's weight by its coalition's)");
    power_result r;
    switch (opt.method) {
    case power_method::enumeration:
        if (n > opt.max_enumeration_players)
            throw error(errc::unsupported, "power indices: enumeration of 2^" + std::to_string(n) +
                                               " coalitions refused (max_enumeration_players = " +
                                               std::to_string(opt.max_enumeration_players) + ")");
        r = power_detail::enumerate(g, opt);
        break;
    case power_method::monte_carlo:
        r = power_detail::monte_carlo(g, opt);
        break;
    case power_method::fourier_bound: {
        if ((opt.indices & index_all) & ~unsigned(index_banzhaf))
            throw error(errc::unsupported,
                        "power indices: method fourier-bound gives the Banzhaf index only");
        const auto b = banzhaf_fourier(g, opt.target_error, opt.progress);
        r.method = "fourier-bound";
        r.exact = false;
        r.error_bound = b.normalised_error;
        r.error_bound_absolute = b.absolute_error;
        auto fill = [](index_values& v, const std::vector<double>& est, double err) {
            v.value = est;
            for (double x : est) {
                v.lower.push_back(std::max(0.0, x - err));
                v.upper.push_back(std::min(1.0, x + err));
            }
        };
        fill(r.banzhaf, b.normalised, b.normalised_error);
        fill(r.banzhaf_absolute, b.absolute, b.absolute_error);
        char buf[160];
        std::snprintf(
            buf, sizeof buf,
            "approximation with a proven error bound (not exact): every normalised Banzhaf value is "
            "within %.2g of the exact one, every absolute one within %.2g",
            b.normalised_error, b.absolute_error);
        r.notes.push_back(buf);
        break;
    }
    case power_method::dynamic_programming:
    case power_method::automatic: {
        const unsigned want = opt.indices & index_all;
        const unsigned by_dp = want & dp_supported(g);
        const unsigned rest = want & ~by_dp;
        if (rest && (opt.method == power_method::dynamic_programming || n > opt.max_enumeration_players)) {
            std::string names;
            for (unsigned b = 1; b < index_all; b <<= 1)
                if (rest & b) names += std::string(names.empty() ? "" : ", ") + index_name(b);
            throw error(errc::unsupported,
                        "power indices: no dynamic programme for " + names + " in this game" +
                            (g.majorities.size() > 1 ? " (several majorities)" : "") + " and " +
                            std::to_string(n) + " players are too many to enumerate");
        }
        if (by_dp) {
            power_options o = opt;
            o.indices = by_dp;
            r = power_detail::dynamic_programme(g, o);
        }
        if (rest) {
            power_options o = opt;
            o.indices = rest;
            auto e = power_detail::enumerate(g, o);
            if (!by_dp)
                r = std::move(e);
            else {
                merge(r, std::move(e), rest);
                r.notes.push_back(
                    "johnston and any index without a dynamic programme were computed by enumeration");
            }
        }
        break;
    }
    }
    r.players = player_names(g);
    return r;
}
} // namespace

power_result banzhaf(const weighted_game& g) { return power_indices(g, {.indices = index_banzhaf}); }
power_result shapley_shubik(const weighted_game& g) {
    return power_indices(g, {.indices = index_shapley_shubik});
}

namespace {
void put(nlohmann::json& j, const std::string& key, const index_values& v) {
    if (v.empty()) return;
    j[key] = v.value;
    if (!v.exact.empty()) {
        auto& e = j[key + "_exact"] = nlohmann::json::array();
        for (const auto& x : v.exact) e.push_back(to_string(x));
    }
    if (!v.lower.empty()) {
        j[key + "_lower"] = v.lower;
        j[key + "_upper"] = v.upper;
    }
}
} // namespace

std::string to_json(const power_result& r, int indent) {
    nlohmann::json j;
    j["players"] = r.players;
    j["method"] = r.method;
    j["exact"] = r.exact;
    if (!r.exact && r.method == "fourier-bound") {
        j["error_bound"] = r.error_bound;
        j["error_bound_absolute"] = r.error_bound_absolute;
    } else if (!r.exact) {
        j["samples"] = r.samples;
        j["confidence"] = r.confidence;
    }
    if (!r.swings.empty()) {
        auto& s = j["swings"] = nlohmann::json::array();
        for (const auto& x : r.swings) s.push_back(x.str());
        j["total_swings"] = r.total_swings.str();
    }
    put(j, "banzhaf", r.banzhaf);
    put(j, "banzhaf_absolute", r.banzhaf_absolute);
    put(j, "shapley_shubik", r.shapley_shubik);
    if (!r.pivots.empty()) {
        auto& s = j["pivots"] = nlohmann::json::array();
        for (const auto& x : r.pivots) s.push_back(x.str());
    }
    if (!r.minimal_winning.empty()) {
        auto& s = j["minimal_winning"] = nlohmann::json::array();
        for (const auto& x : r.minimal_winning) s.push_back(x.str());
        j["minimal_winning_total"] = r.minimal_winning_total.str();
    }
    put(j, "holler", r.holler);
    put(j, "holler_absolute", r.holler_absolute);
    put(j, "deegan_packel", r.deegan_packel);
    put(j, "deegan_packel_raw", r.deegan_packel_raw);
    put(j, "johnston", r.johnston);
    put(j, "johnston_raw", r.johnston_raw);
    if (!r.chow.empty()) {
        auto& s = j["chow"] = nlohmann::json::array();
        for (const auto& x : r.chow) s.push_back(x.str());
    }
    if (!r.chow.empty() || !r.coleman_prevent.empty()) j["winning_coalitions"] = r.winning_coalitions.str();
    if (!r.coleman_prevent.empty()) {
        j["coleman_act"] = r.coleman_act_value;
        j["coleman_act_exact"] = to_string(r.coleman_act);
    }
    put(j, "coleman_prevent", r.coleman_prevent);
    put(j, "coleman_initiate", r.coleman_initiate);
    put(j, "owen", r.owen);
    put(j, "banzhaf_owen", r.banzhaf_owen);
    put(j, "rae", r.rae);
    put(j, "colomer", r.colomer);
    put(j, "koenig_braeuninger", r.koenig_braeuninger);
    put(j, "nevison", r.nevison);
    put(j, "public_help", r.public_help);
    put(j, "felsenthal", r.felsenthal);
    put(j, "felsenthal_raw", r.felsenthal_raw);
    put(j, "tijs", r.tijs);
    put(j, "harsanyi_nash", r.harsanyi_nash);
    put(j, "public_help_xi", r.public_help_xi);
    put(j, "null_player_free_f", r.null_player_free_f);
    put(j, "null_player_free_g", r.null_player_free_g);
    put(j, "symmetric_coalitional_banzhaf", r.symmetric_coalitional_banzhaf);
    if (!r.notes.empty()) j["notes"] = r.notes;
    return j.dump(indent);
}

} // namespace v0
} // namespace accord
