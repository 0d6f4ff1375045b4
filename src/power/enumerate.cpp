// Power indices by visiting every coalition: exponential, so it is the test oracle and the
// fallback for indices without a dynamic programme (Johnston, or Holler with several majorities).
#include "power_internal.hpp"

#include <bit>
#include <map>

namespace accord {
inline namespace v0 {
namespace power_detail {

power_result enumerate(const weighted_game& g, const power_options& opt) {
    const std::size_t n = g.player_count();
    const std::size_t dims = g.majorities.size();
    const std::uint64_t count = std::uint64_t{1} << n;
    power_result r;
    r.method = "enumeration";

    // Winning bit of every coalition, walked in Gray-code order so each step adds or removes
    // one player from the running sums.
    std::vector<std::uint64_t> win((count + 63) / 64, 0);
    auto wins = [&](std::uint64_t m) { return (win[m >> 6] >> (m & 63)) & 1u; };
    {
        std::vector<std::uint64_t> sum(dims, 0);
        std::uint64_t gray = 0;
        for (std::uint64_t step = 0; step < count; ++step) {
            if (step) {
                const unsigned bit = static_cast<unsigned>(std::countr_zero(step));
                const bool adding = !((gray >> bit) & 1u);
                gray ^= std::uint64_t{1} << bit;
                for (std::size_t d = 0; d < dims; ++d) {
                    const auto w = g.majorities[d].weights[bit];
                    sum[d] = adding ? sum[d] + w : sum[d] - w;
                }
            }
            bool ok = true;
            for (std::size_t d = 0; d < dims && ok; ++d) ok = sum[d] >= g.majorities[d].quota;
            if (ok) win[gray >> 6] |= std::uint64_t{1} << (gray & 63);
            if ((step & 0xFFFFF) == 0) tick(opt.progress, 0.5 * double(step) / double(count));
        }
    }

    std::vector<std::uint64_t> swings(n, 0), mwc(n, 0), chow(n, 0);
    // Colomer-Martinez: per player, minimal winning coalitions containing it by total weight.
    const bool colomer = opt.indices & index_colomer;
    std::vector<std::map<std::uint64_t, std::uint64_t>> mwc_by_weight(colomer ? n : 0);
    std::vector<std::vector<std::uint64_t>> ss(n, std::vector<std::uint64_t>(n, 0));
    std::vector<std::vector<std::uint64_t>> mwc_by_size(n, std::vector<std::uint64_t>(n + 1, 0));
    std::vector<std::vector<std::uint64_t>> johnston(n, std::vector<std::uint64_t>(n + 1, 0));
    // Winning coalitions by size, and those containing each player by size (public help xi).
    std::vector<std::uint64_t> winning_by_size(n + 1, 0);
    std::vector<std::vector<std::uint64_t>> chow_by_size(n, std::vector<std::uint64_t>(n + 1, 0));
    std::uint64_t winning = 0, mwc_total = 0, vulnerable = 0;
    for (std::uint64_t m = 1; m < count; ++m) {
        if (!wins(m)) continue;
        ++winning;
        const unsigned size = static_cast<unsigned>(std::popcount(m));
        std::uint64_t crit = 0;
        for (std::uint64_t rest = m; rest; rest &= rest - 1) {
            const unsigned i = static_cast<unsigned>(std::countr_zero(rest));
            if (!wins(m ^ (std::uint64_t{1} << i))) crit |= std::uint64_t{1} << i;
        }
        const unsigned c = static_cast<unsigned>(std::popcount(crit));
        ++winning_by_size[size];
        for (std::uint64_t rest = m; rest; rest &= rest - 1) {
            const unsigned i = static_cast<unsigned>(std::countr_zero(rest));
            ++chow[i];
            ++chow_by_size[i][size];
        }
        if (colomer && c == size) {
            std::uint64_t weight = 0; // one majority (checked by the driver)
            for (std::uint64_t rest = m; rest; rest &= rest - 1)
                weight += g.majorities[0].weights[static_cast<unsigned>(std::countr_zero(rest))];
            for (std::uint64_t rest = m; rest; rest &= rest - 1)
                ++mwc_by_weight[static_cast<unsigned>(std::countr_zero(rest))][weight];
        }
        for (std::uint64_t rest = crit; rest; rest &= rest - 1) {
            const unsigned i = static_cast<unsigned>(std::countr_zero(rest));
            ++swings[i];
            ++ss[i][size - 1];
            ++johnston[i][c];
            if (c == size) {
                ++mwc[i];
                ++mwc_by_size[i][size];
            }
        }
        if (c) ++vulnerable;
        if (c == size) ++mwc_total;
        if ((m & 0xFFFFF) == 0) tick(opt.progress, 0.5 + 0.4 * double(m) / double(count));
    }

    r.swings.assign(swings.begin(), swings.end());
    r.winning_coalitions = winning;
    if (opt.indices & (index_banzhaf | index_coleman)) finish_banzhaf(r, n, opt.indices & index_coleman);
    if (opt.indices & index_shapley_shubik) {
        // phi_i = sum over swings S (i not in S) of |S|! (n-1-|S|)! / n!  (Shapley & Shubik 1954);
        // the numerator counts the orders in which i is pivotal.
        const big_int nf = factorial(n);
        r.shapley_shubik.exact.resize(n);
        r.pivots.assign(n, 0);
        for (std::size_t i = 0; i < n; ++i) {
            big_int& acc = r.pivots[i];
            for (std::size_t k = 0; k < n; ++k)
                if (ss[i][k]) acc += big_int(ss[i][k]) * factorial(k) * factorial(n - 1 - k);
            r.shapley_shubik.exact[i] = rational(acc, nf);
        }
        fill_doubles(r.shapley_shubik);
    }
    if (opt.indices & index_chow) r.chow.assign(chow.begin(), chow.end()); // counted, not derived
    if (opt.indices & k_chow_indices) {
        finish_chow_indices(r, std::vector<big_int>(chow.begin(), chow.end()), n, opt.indices);
    }
    if (opt.indices & index_rae) {
        // Rae (1969): i agrees with the outcome in the winning coalitions containing it (chow_i)
        // and the losing ones without it: 2^(n-1) coalitions lack i, of which |W| - chow_i win.
        const big_int half = pow2(n - 1), all = pow2(n);
        r.rae.exact.resize(n);
        for (std::size_t i = 0; i < n; ++i) {
            const big_int losing_without = half - (big_int(winning) - big_int(chow[i]));
            r.rae.exact[i] = rational(big_int(chow[i]) + losing_without, all);
        }
        fill_doubles(r.rae);
    }
    if (colomer) {
        // Colomer & Martinez (1995): each minimal winning coalition S equally likely, and i's share
        // of it w_i / w(S); CM_i = (1/|M|) sum_{S in M, i in S} w_i / w(S).
        r.colomer.exact.resize(n);
        for (std::size_t i = 0; i < n; ++i) {
            // Summed as a balanced tree: one term per distinct coalition weight, so adding them
            // in a row makes every addition pay for the growing common denominator.
            std::vector<rational> terms;
            terms.reserve(mwc_by_weight[i].size());
            for (const auto& [weight, cnt] : mwc_by_weight[i])
                terms.emplace_back(big_int(cnt), big_int(weight));
            for (std::size_t len = terms.size(); len > 1; len = (len + 1) / 2)
                for (std::size_t k = 0; 2 * k < len; ++k)
                    terms[k] = 2 * k + 1 < len ? terms[2 * k] + terms[2 * k + 1] : terms[2 * k];
            const rational acc = terms.empty() ? rational(0) : terms[0];
            r.colomer.exact[i] =
                acc * rational(big_int(g.majorities[0].weights[i])) / rational(big_int(mwc_total));
        }
        fill_doubles(r.colomer);
    }
    if (opt.indices & (index_holler | index_deegan_packel | index_minimal_winning)) {
        r.minimal_winning.assign(mwc.begin(), mwc.end());
        r.minimal_winning_total = mwc_total;
    }
    if (opt.indices & index_holler) {
        // Holler (1982): minimal winning coalitions containing i over the sum of those counts.
        big_int denom = 0;
        for (auto x : mwc) denom += x;
        r.holler.exact.resize(n);
        for (std::size_t i = 0; i < n; ++i) r.holler.exact[i] = rational(big_int(mwc[i]), denom);
        fill_doubles(r.holler);
        // Holler & Packel (1983): the absolute public good index m_i / |M|.
        r.holler_absolute.exact.resize(n);
        for (std::size_t i = 0; i < n; ++i)
            r.holler_absolute.exact[i] = rational(big_int(mwc[i]), big_int(mwc_total));
        fill_doubles(r.holler_absolute);
    }
    if (opt.indices & index_public_help_xi) {
        // Bertini & Stach (2015): sum_{S in W, i in S} 1/|S|^2 / sum_{S in W} 1/|S|.
        rational total = 0;
        for (std::size_t k = 1; k <= n; ++k)
            if (winning_by_size[k]) total += rational(big_int(winning_by_size[k]), big_int(k));
        r.public_help_xi.exact.resize(n);
        for (std::size_t i = 0; i < n; ++i) {
            rational acc = 0;
            for (std::size_t k = 1; k <= n; ++k)
                if (chow_by_size[i][k]) acc += rational(big_int(chow_by_size[i][k]), big_int(k * k));
            r.public_help_xi.exact[i] = acc / total;
        }
        fill_doubles(r.public_help_xi);
    }
    if (opt.indices & (index_null_player_free_f | index_null_player_free_g)) {
        // Alvarez-Mozos, Ferreira, Alonso-Meijide & Pinto (2015): the winning coalitions without a
        // null player (one never critical), counted directly.
        std::uint64_t null_mask = 0;
        for (std::size_t i = 0; i < n; ++i)
            if (!swings[i]) null_mask |= std::uint64_t{1} << i;
        std::uint64_t np_winning = 0;
        std::vector<std::uint64_t> np_chow(n, 0);
        std::vector<rational> np_split(n, 0);
        for (std::uint64_t m = 1; m < count; ++m) {
            if (!wins(m) || (m & null_mask)) continue;
            ++np_winning;
            const rational share(1, std::popcount(m));
            for (std::uint64_t rest = m; rest; rest &= rest - 1) {
                const unsigned i = static_cast<unsigned>(std::countr_zero(rest));
                ++np_chow[i];
                np_split[i] += share;
            }
        }
        big_int np_chow_total = 0;
        for (auto c : np_chow) np_chow_total += c;
        r.null_player_free_f.exact.resize(n);
        r.null_player_free_g.exact.resize(n);
        for (std::size_t i = 0; i < n; ++i) {
            r.null_player_free_f.exact[i] = np_split[i] / rational(big_int(np_winning));
            r.null_player_free_g.exact[i] = rational(big_int(np_chow[i]), np_chow_total);
        }
        if (opt.indices & index_null_player_free_f)
            fill_doubles(r.null_player_free_f);
        else
            r.null_player_free_f = {};
        if (opt.indices & index_null_player_free_g)
            fill_doubles(r.null_player_free_g);
        else
            r.null_player_free_g = {};
    }
    finish_veto_indices(r, g, opt.indices);
    if (opt.indices & index_felsenthal) {
        std::size_t least = n + 1;
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t s = 1; s < least; ++s)
                if (mwc_by_size[i][s]) least = s;
        std::vector<big_int> at(n);
        for (std::size_t i = 0; i < n; ++i) at[i] = least <= n ? mwc_by_size[i][least] : 0;
        finish_felsenthal(r, at);
    }
    if (opt.indices & index_deegan_packel) {
        // Deegan & Packel (1978): each minimal winning coalition equally likely, split equally.
        r.deegan_packel.exact.resize(n);
        for (std::size_t i = 0; i < n; ++i) {
            rational acc = 0;
            for (std::size_t s = 1; s <= n; ++s)
                if (mwc_by_size[i][s]) acc += rational(big_int(mwc_by_size[i][s]), big_int(s));
            r.deegan_packel.exact[i] = acc / rational(big_int(mwc_total));
            r.deegan_packel_raw.exact.push_back(acc);
        }
        fill_doubles(r.deegan_packel);
        fill_doubles(r.deegan_packel_raw);
    }
    if (opt.indices & index_johnston) {
        // Johnston (1978): each winning coalition with c >= 1 critical members gives 1/c to
        // each of them; normalised by the number of such (vulnerable) coalitions.
        r.johnston.exact.resize(n);
        for (std::size_t i = 0; i < n; ++i) {
            rational acc = 0;
            for (std::size_t c = 1; c <= n; ++c)
                if (johnston[i][c]) acc += rational(big_int(johnston[i][c]), big_int(c));
            r.johnston.exact[i] = acc / rational(big_int(vulnerable));
            r.johnston_raw.exact.push_back(acc);
        }
        fill_doubles(r.johnston);
        fill_doubles(r.johnston_raw);
    }
    if (opt.indices & k_union_indices) {
        // Owen (1977) / Banzhaf-Owen (Owen 1982) / symmetric coalitional Banzhaf (Alonso-Meijide &
        // Fiestras-Janeiro 2002): for i in union k, sum over sets R of other unions and T of i's
        // partners of a coefficient times [R+T+i wins, R+T loses].
        const std::size_t m = g.unions.size();
        std::vector<std::uint64_t> union_mask(m, 0);
        std::vector<std::size_t> union_of(n);
        for (std::size_t u = 0; u < m; ++u)
            for (auto p : g.unions[u]) {
                union_mask[u] |= std::uint64_t{1} << p;
                union_of[p] = u;
            }
        r.owen.exact.assign(n, 0);
        r.banzhaf_owen.exact.assign(n, 0);
        r.symmetric_coalitional_banzhaf.exact.assign(n, 0);
        for (std::size_t i = 0; i < n; ++i) {
            const std::size_t k = union_of[i];
            std::vector<std::size_t> others;
            for (std::size_t u = 0; u < m; ++u)
                if (u != k) others.push_back(u);
            std::vector<player_t> partners;
            for (auto p : g.unions[k])
                if (p != i) partners.push_back(p);
            const std::size_t pk = g.unions[k].size();
            std::vector<std::vector<std::uint64_t>> cnt(m, std::vector<std::uint64_t>(pk, 0));
            for (std::uint64_t rm = 0; rm < (std::uint64_t{1} << others.size()); ++rm) {
                std::uint64_t base = 0;
                for (std::size_t b = 0; b < others.size(); ++b)
                    if ((rm >> b) & 1u) base |= union_mask[others[b]];
                const unsigned rs = static_cast<unsigned>(std::popcount(rm));
                for (std::uint64_t tm = 0; tm < (std::uint64_t{1} << partners.size()); ++tm) {
                    std::uint64_t c = base;
                    for (std::size_t b = 0; b < partners.size(); ++b)
                        if ((tm >> b) & 1u) c |= std::uint64_t{1} << partners[b];
                    if (wins(c | (std::uint64_t{1} << i)) && !wins(c))
                        ++cnt[rs][static_cast<unsigned>(std::popcount(tm))];
                }
            }
            big_int owen_num = 0, bo_num = 0, scb_num = 0;
            for (std::size_t rr = 0; rr < m; ++rr)
                for (std::size_t t = 0; t < pk; ++t) {
                    if (!cnt[rr][t]) continue;
                    owen_num += big_int(cnt[rr][t]) * factorial(rr) * factorial(m - 1 - rr) * factorial(t) *
                                factorial(pk - 1 - t);
                    bo_num += cnt[rr][t];
                    scb_num += big_int(cnt[rr][t]) * factorial(t) * factorial(pk - 1 - t);
                }
            r.owen.exact[i] = rational(owen_num, factorial(m) * factorial(pk));
            r.banzhaf_owen.exact[i] = rational(bo_num, pow2(m - 1 + pk - 1));
            r.symmetric_coalitional_banzhaf.exact[i] = rational(scb_num, pow2(m - 1) * factorial(pk));
        }
        if (opt.indices & index_owen)
            fill_doubles(r.owen);
        else
            r.owen = {};
        if (opt.indices & index_banzhaf_owen)
            fill_doubles(r.banzhaf_owen);
        else
            r.banzhaf_owen = {};
        if (opt.indices & index_symmetric_coalitional_banzhaf)
            fill_doubles(r.symmetric_coalitional_banzhaf);
        else
            r.symmetric_coalitional_banzhaf = {};
    }
    if (!(opt.indices & index_banzhaf)) {
        if (!(opt.indices & index_coleman)) r.swings.clear();
    }
    tick(opt.progress, 1.0);
    return r;
}

} // namespace power_detail
} // namespace v0
} // namespace accord
