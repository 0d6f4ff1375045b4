// Condorcet-family rules over the pairwise matrix: condorcet, copeland, minimax, schulze,
// ranked-pairs, smith, schwartz, black. Each is one template over the count type (int64 or
// exact rational), instantiated through with_pairwise().
#include "accord/rules/condorcet.hpp"

#include "accord/detail/options.hpp"
#include "accord/rules/majority_graph.hpp"
#include "pairwise_result.hpp"
#include "single_winner_adapters.hpp"

#include <algorithm>

namespace accord {
inline namespace v0 {

defeat_strength parse_defeat_strength(std::string_view text, std::string_view method) {
    if (text == "winning" || text == "winning-votes" || text == "wv") return defeat_strength::winning_votes;
    if (text == "margin" || text == "margins") return defeat_strength::margins;
    if (text == "ratio") return defeat_strength::ratio;
    if (text == "winning-only") return defeat_strength::winning_votes_only;
    throw error(
        errc::invalid,
        std::string(method) +
            ": option 'strength' must be \"winning\", \"margin\", \"ratio\" or \"winning-only\", got '" +
            std::string(text) + "'");
}

namespace {
using pairwise_detail::by_repeated_sets;
using pairwise_detail::start;

const char* strength_name(defeat_strength s) {
    switch (s) {
    case defeat_strength::winning_votes:
        return "winning votes";
    case defeat_strength::margins:
        return "margins";
    case defeat_strength::ratio:
        return "ratio";
    case defeat_strength::winning_votes_only:
        return "winning votes only";
    }
    return "";
}

// x * y exactly, for comparing ratios by cross-multiplication.
__extension__ typedef __int128 int128;
inline int128 mul(std::int64_t a, std::int64_t b) { return static_cast<int128>(a) * b; }
inline rational mul(const rational& a, const rational& b) { return a * b; }

// The strength of the pairwise link a -> b: x = support(a,b), y = support(b,a). A link exists
// only when x > y (a defeats b); `none` is weaker than every link.
template <class Num> struct link {
    Num x{0}, y{0};
    bool none = true;
};

// -1, 0, +1 as s is weaker than, as strong as, or stronger than t.
template <class Num> int compare(const link<Num>& s, const link<Num>& t, defeat_strength mode) {
    if (s.none || t.none) return s.none == t.none ? 0 : (s.none ? -1 : 1);
    switch (mode) {
    case defeat_strength::winning_votes:
        // Schulze 2011, section 2.1 (winning votes): larger winning support is stronger; at
        // equal support, the smaller opposing support is stronger.
        if (s.x != t.x) return s.x < t.x ? -1 : 1;
        if (s.y != t.y) return s.y > t.y ? -1 : 1;
        return 0;
    case defeat_strength::winning_votes_only:
        if (s.x != t.x) return s.x < t.x ? -1 : 1;
        return 0;
    case defeat_strength::margins: {
        const Num ms = s.x - s.y, mt = t.x - t.y;
        if (ms != mt) return ms < mt ? -1 : 1;
        return 0;
    }
    case defeat_strength::ratio: {
        // x/y with y = 0 as +infinity; infinities compare by x.
        if (s.y == 0 || t.y == 0) {
            if (s.y != 0) return -1;
            if (t.y != 0) return 1;
            return s.x == t.x ? 0 : (s.x < t.x ? -1 : 1);
        }
        const auto l = mul(s.x, t.y), r = mul(t.x, s.y);
        return l == r ? 0 : (l < r ? -1 : 1);
    }
    }
    return 0;
}

template <class Num> link<Num> link_of(const pairwise_matrix<Num>& m, cand_t a, cand_t b) {
    link<Num> l;
    l.x = m(a, b);
    l.y = m(b, a);
    l.none = !(l.x > l.y);
    return l;
}

// Winners = the top tier, a tie in it broken (and recorded) by the tie-breaker.
void pick_from_top(result& r, tie_breaker& tb) {
    if (r.ranking.empty()) return;
    pairwise_detail::elect_one(r, tb, r.ranking.front());
}

void check_active(const std::vector<cand_t>& cands, const char* method) {
    if (cands.empty()) throw error(errc::invalid, std::string(method) + ": no candidate to count");
}

pairwise_options pw(const condorcet_common& c) { return {c.unranked, c.excluded}; }

// ---- condorcet -----------------------------------------------------------------------------
template <class Num> result condorcet_impl(const profile& p, const pairwise_matrix<Num>& m) {
    result r = start(p, m, "condorcet");
    auto cands = m.candidates();
    check_active(cands, "condorcet");
    const auto w = condorcet_winner(m);
    const auto l = condorcet_loser(m);
    std::vector<cand_t> middle;
    for (cand_t c : cands)
        if (c != w && c != l) middle.push_back(c);
    if (w) r.ranking.push_back({*w});
    if (!middle.empty()) r.ranking.push_back(middle);
    if (l && l != w) r.ranking.push_back({*l});
    if (w)
        r.winners = {*w};
    else
        r.notes.push_back("no Condorcet winner: no candidate beats every other head to head");
    if (l)
        r.notes.push_back("Condorcet loser: " + p.candidate_name(*l));
    else
        r.notes.push_back("no Condorcet loser");
    // Scores: head-to-head wins, for display.
    r.scores.assign(m.n, std::nullopt);
    for (cand_t a : cands) {
        std::int64_t wins = 0;
        for (cand_t b : cands)
            if (a != b && m.beats(a, b)) ++wins;
        r.scores[a] = rational(wins);
    }
    r.score_name = "head-to-head wins";
    return r;
}

// ---- copeland ------------------------------------------------------------------------------
template <class Num>
result copeland_impl(const profile& p, const pairwise_matrix<Num>& m, const copeland_options& opt,
                     bool set_valued = false) {
    const char* method = set_valued ? "copeland-set" : "copeland";
    result r = start(p, m, method);
    auto cands = m.candidates();
    check_active(cands, method);
    std::vector<rational> score(m.n, rational(0));
    for (cand_t a : cands)
        for (cand_t b : cands) {
            if (a == b) continue;
            if (m.beats(a, b))
                score[a] += 1;
            else if (!m.beats(b, a))
                score[a] += opt.tie_value;
        }
    r.ranking = tiers_by_score(cands, score);
    r.scores.assign(m.n, std::nullopt);
    for (cand_t c : cands) r.scores[c] = score[c];
    r.score_name = "Copeland score (wins + " + to_string(opt.tie_value) + " x ties)";
    if (set_valued) {
        // pref_voting's "Copeland" and Fishburn's C1 function: every candidate with the highest
        // score wins, so there is no tie to break.
        r.winners = r.ranking.front();
        r.notes.push_back("set-valued rule: the winners are every candidate with the highest Copeland "
                          "score; no tie is broken");
        return r;
    }
    tie_breaker tb(opt.common.tie_break, r);
    pick_from_top(r, tb);
    return r;
}

// ---- minimax -------------------------------------------------------------------------------
template <class Num>
result minimax_impl(const profile& p, const pairwise_matrix<Num>& m, const minimax_options& opt) {
    result r = start(p, m, "minimax");
    auto cands = m.candidates();
    check_active(cands, "minimax");
    std::vector<Num> score(m.n, Num(0));
    for (cand_t a : cands) {
        bool first = true;
        Num worst(0);
        for (cand_t b : cands) {
            if (a == b) continue;
            Num s;
            switch (opt.variant) {
            case minimax_variant::winning_votes:
                s = m.beats(b, a) ? m(b, a) : Num(0);
                break;
            case minimax_variant::margins:
                s = m(b, a) - m(a, b);
                break;
            case minimax_variant::pairwise_opposition:
                s = m(b, a);
                break;
            }
            if (first || s > worst) worst = s;
            first = false;
        }
        score[a] = worst;
    }
    r.ranking = tiers_by_score(cands, score, false);
    r.scores.assign(m.n, std::nullopt);
    for (cand_t c : cands) r.scores[c] = rational(score[c]);
    r.score_name = opt.variant == minimax_variant::winning_votes ? "worst defeat (winning votes); lowest wins"
                   : opt.variant == minimax_variant::margins     ? "worst defeat (margin); lowest wins"
                                                                 : "largest pairwise opposition; lowest wins";
    tie_breaker tb(opt.common.tie_break, r);
    pick_from_top(r, tb);
    return r;
}

// ---- schulze -------------------------------------------------------------------------------
// Strongest paths between the active candidates, and the beatpath relation over them.
template <class Num> struct schulze_paths {
    std::vector<link<Num>> P; // k x k, in the order of `cands`
    std::vector<std::size_t> pos;
    std::size_t k = 0;
    defeat_strength mode{};
    // a is better than b when its strongest path to b beats the one back (section 4.1: this
    // relation is transitive, so layering it gives the Schulze ranking).
    bool better(cand_t a, cand_t b) const {
        return compare(P[pos[a] * k + pos[b]], P[pos[b] * k + pos[a]], mode) > 0;
    }
};

template <class Num>
schulze_paths<Num> strongest_paths(const pairwise_matrix<Num>& m, const std::vector<cand_t>& cands,
                                   defeat_strength mode) {
    schulze_paths<Num> s;
    const std::size_t k = s.k = cands.size();
    s.mode = mode;
    // Strongest paths by the widest-path form of Floyd-Warshall (Schulze 2011, section 2.3):
    // P[i][j] = max over k of min(P[i][k], P[k][j]).
    auto& P = s.P;
    P.resize(k * k);
    for (std::size_t i = 0; i < k; ++i)
        for (std::size_t j = 0; j < k; ++j)
            if (i != j) P[i * k + j] = link_of(m, cands[i], cands[j]);
    for (std::size_t via = 0; via < k; ++via)
        for (std::size_t i = 0; i < k; ++i) {
            if (i == via || P[i * k + via].none) continue;
            const link<Num>& iv = P[i * k + via];
            for (std::size_t j = 0; j < k; ++j) {
                if (j == i || j == via) continue;
                const link<Num>& vj = P[via * k + j];
                const link<Num>& through = compare(iv, vj, mode) < 0 ? iv : vj;
                if (compare(through, P[i * k + j], mode) > 0) P[i * k + j] = through;
            }
        }
    s.pos.assign(m.n, 0);
    for (std::size_t i = 0; i < k; ++i) s.pos[cands[i]] = i;
    return s;
}

template <class Num>
result schulze_impl(const profile& p, const pairwise_matrix<Num>& m, const schulze_options& opt) {
    result r = start(p, m, "schulze");
    auto cands = m.candidates();
    check_active(cands, "schulze");
    const auto mode = opt.strength;
    const auto paths = strongest_paths(m, cands, mode);
    auto better = [&](cand_t a, cand_t b) { return paths.better(a, b); };
    r.ranking = layer_by(cands, better);
    r.scores.assign(m.n, std::nullopt);
    for (cand_t a : cands) {
        std::int64_t beaten = 0;
        for (cand_t b : cands)
            if (a != b && better(a, b)) ++beaten;
        r.scores[a] = rational(beaten);
    }
    r.score_name = std::string("candidates beaten by strongest paths (") + strength_name(mode) + ")";
    tie_breaker tb(opt.common.tie_break, r);
    pick_from_top(r, tb);
    return r;
}

// ---- ranked pairs --------------------------------------------------------------------------
template <class Num>
result ranked_pairs_impl(const profile& p, const pairwise_matrix<Num>& m, const ranked_pairs_options& opt) {
    result r = start(p, m, "ranked-pairs");
    auto cands = m.candidates();
    check_active(cands, "ranked-pairs");
    tie_breaker tb(opt.common.tie_break, r);
    const std::size_t n = m.n;
    struct majority {
        cand_t a, b;
        link<Num> s;
    };
    std::vector<majority> maj;
    for (cand_t a : cands)
        for (cand_t b : cands)
            if (a != b && m.beats(a, b)) maj.push_back({a, b, link_of(m, a, b)});
    const auto mode = opt.strength;
    std::stable_sort(maj.begin(), maj.end(),
                     [&](const majority& u, const majority& v) { return compare(u.s, v.s, mode) > 0; });

    // reach[x][y]: y is reachable from x through locked majorities (transitive closure), so
    // a -> b closes a cycle exactly when reach[b][a].
    std::vector<char> reach(n * n, 0);
    auto lock = [&](std::vector<char>& R, cand_t a, cand_t b) {
        for (cand_t x = 0; x < n; ++x) {
            if (x != a && !R[x * n + a]) continue;
            for (cand_t y = 0; y < n; ++y)
                if (y == b || R[b * n + y]) R[x * n + y] = 1;
        }
    };
    std::vector<char> locked(n * n, 0);
    std::optional<std::vector<std::size_t>> tbrc_pos; // Zavist & Tideman's tie-breaking ranking
    for (std::size_t i = 0; i < maj.size();) {
        std::size_t j = i + 1;
        while (j < maj.size() && compare(maj[i].s, maj[j].s, mode) == 0) ++j;
        std::vector<majority> group;
        for (std::size_t g = i; g < j; ++g)
            if (!reach[maj[g].b * n + maj[g].a]) group.push_back(maj[g]);
        // If every remaining majority of the group can be locked together, their order does not
        // matter; otherwise the order decides which are dropped and a tie must be broken.
        auto trial = reach;
        bool all = true;
        for (const auto& e : group) {
            if (trial[e.b * n + e.a]) {
                all = false;
                break;
            }
            lock(trial, e.a, e.b);
        }
        if (!all) {
            if (!tbrc_pos) {
                auto order = tb.order(cands, 0, "ranked-pairs: order of equally strong majorities");
                std::vector<cand_t> tbrc = order ? *order : cands;
                tbrc_pos.emplace(n, n);
                for (std::size_t q = 0; q < tbrc.size(); ++q) (*tbrc_pos)[tbrc[q]] = q;
            }
            const auto& tp = *tbrc_pos;
            // Zavist & Tideman 1989: the pair whose winner is higher in the TBRC comes first;
            // for the same winner, the pair whose loser is lower in the TBRC.
            std::sort(group.begin(), group.end(), [&](const majority& u, const majority& v) {
                if (u.a != v.a) return tp[u.a] < tp[v.a];
                return tp[u.b] > tp[v.b];
            });
        }
        for (const auto& e : group)
            if (!reach[e.b * n + e.a]) {
                lock(reach, e.a, e.b);
                locked[e.a * n + e.b] = 1;
            }
        i = j;
    }
    // Ranking: layers of the locked graph (its transitive closure is a strict partial order;
    // a total order when no two candidates tie head to head).
    r.ranking = layer_by(cands, [&](cand_t a, cand_t b) { return reach[a * n + b] != 0; });
    std::string locked_list;
    for (const auto& e : maj)
        if (locked[e.a * n + e.b])
            locked_list +=
                (locked_list.empty() ? "" : ", ") + p.candidate_name(e.a) + " > " + p.candidate_name(e.b);
    r.notes.push_back(std::string("locked (") + strength_name(mode) + ", strongest first): " + locked_list);
    if (r.complete) pick_from_top(r, tb);
    return r;
}

// ---- smith / schwartz ----------------------------------------------------------------------
template <class Num> result smith_impl(const profile& p, const pairwise_matrix<Num>& m) {
    result r = start(p, m, "smith");
    auto cands = m.candidates();
    check_active(cands, "smith");
    r.ranking = smith_components(m, cands);
    r.winners = r.ranking.front();
    r.notes.push_back("set-valued rule: the winners are the whole Smith set; no tie is broken");
    return r;
}

template <class Num> result schwartz_impl(const profile& p, const pairwise_matrix<Num>& m) {
    result r = start(p, m, "schwartz");
    auto left = m.candidates();
    check_active(left, "schwartz");
    r.ranking = by_repeated_sets(left, [&](const std::vector<cand_t>& l) { return schwartz_set(m, l); });
    r.winners = r.ranking.front();
    r.notes.push_back("set-valued rule: the winners are the whole Schwartz set; no tie is broken");
    return r;
}

// ---- uncovered set -------------------------------------------------------------------------
// pref_voting, c1_methods.py (uc_gill, uc_fish, uc_bordes, uc_mckelvey): beats = strict majority;
// the weak dominators of a candidate are those that beat or tie it, itself included.
template <class Num>
std::vector<cand_t> uncovered_among(const pairwise_matrix<Num>& m, const std::vector<cand_t>& among,
                                    covering variant) {
    const std::size_t k = among.size();
    std::vector<char> beats(k * k, 0); // beats[i * k + j]: among[i] beats among[j]
    for (std::size_t i = 0; i < k; ++i)
        for (std::size_t j = 0; j < k; ++j)
            beats[i * k + j] = i != j && m(among[i], among[j]) > m(among[j], among[i]);
    // Is {x : x beats i} a subset of {x : x beats j}? With `weak`, "beats or ties (or is)".
    auto left_covers = [&](std::size_t i, std::size_t j, bool weak) {
        for (std::size_t x = 0; x < k; ++x) {
            const bool into_i = weak ? !beats[i * k + x] : beats[x * k + i];
            const bool into_j = weak ? !beats[j * k + x] : beats[x * k + j];
            if (into_i && !into_j) return false;
        }
        return true;
    };
    std::vector<cand_t> out;
    for (std::size_t j = 0; j < k; ++j) {
        bool covered = false;
        for (std::size_t i = 0; i < k && !covered; ++i) {
            if (i == j) continue;
            switch (variant) {
            case covering::gillies:
                covered = beats[i * k + j] && left_covers(i, j, false);
                break;
            case covering::fishburn:
                covered = left_covers(i, j, false) && !left_covers(j, i, false);
                break;
            case covering::bordes:
                covered = beats[i * k + j] && left_covers(i, j, true);
                break;
            case covering::mckelvey:
                covered = beats[i * k + j] && left_covers(i, j, false) && left_covers(i, j, true);
                break;
            }
        }
        if (!covered) out.push_back(among[j]);
    }
    return out;
}

const char* covering_name(covering v) {
    switch (v) {
    case covering::gillies:
        return "gillies";
    case covering::fishburn:
        return "fishburn";
    case covering::bordes:
        return "bordes";
    case covering::mckelvey:
        return "mckelvey";
    }
    return "?";
}

template <class Num>
result uncovered_set_impl(const profile& p, const pairwise_matrix<Num>& m, covering variant) {
    result r = start(p, m, "uncovered-set");
    auto left = m.candidates();
    check_active(left, "uncovered-set");
    r.ranking =
        by_repeated_sets(left, [&](const std::vector<cand_t>& l) { return uncovered_among(m, l, variant); });
    r.winners = r.ranking.front();
    r.notes.push_back(std::string("set-valued rule: the winners are the whole uncovered set (") +
                      covering_name(variant) + " covering); no tie is broken");
    return r;
}

// ---- banks ---------------------------------------------------------------------------------
// Banks (1985), as pref_voting's banks: chains of the strict majority relation (every earlier
// member beats every later one), the maximal ones, their first members. A subset is a chain
// exactly when one member beats all the others and the rest is a chain, so one pass over the
// subsets in increasing order decides them all; a chain is maximal when no candidate added
// to it leaves a chain.
template <class Num>
std::vector<cand_t> banks_among(const pairwise_matrix<Num>& m, const std::vector<cand_t>& among) {
    const std::size_t k = among.size();
    std::vector<std::uint32_t> beats(k, 0);
    for (std::size_t i = 0; i < k; ++i)
        for (std::size_t j = 0; j < k; ++j)
            if (i != j && m(among[i], among[j]) > m(among[j], among[i])) beats[i] |= std::uint32_t{1} << j;
    const std::uint32_t full = k == 32 ? ~std::uint32_t{0} : (std::uint32_t{1} << k) - 1;
    std::vector<std::int8_t> top(std::size_t{full} + 1, -1); // the chain's first member, or -1
    for (std::uint32_t s = 1; s <= full && s != 0; ++s) {
        for (std::size_t x = 0; x < k; ++x) {
            const std::uint32_t bit = std::uint32_t{1} << x;
            if (!(s & bit) || (beats[x] & s) != (s ^ bit)) continue;
            if (s == bit || top[s ^ bit] >= 0) top[s] = static_cast<std::int8_t>(x);
            break; // at most one member beats all the others
        }
    }
    std::vector<char> is_top(k, 0);
    for (std::uint32_t s = 1; s <= full && s != 0; ++s) {
        if (top[s] < 0) continue;
        bool maximal = true;
        for (std::size_t z = 0; z < k && maximal; ++z)
            if (!(s & (std::uint32_t{1} << z)) && top[s | (std::uint32_t{1} << z)] >= 0) maximal = false;
        if (maximal) is_top[static_cast<std::size_t>(top[s])] = 1;
    }
    std::vector<cand_t> out;
    for (std::size_t i = 0; i < k; ++i)
        if (is_top[i]) out.push_back(among[i]);
    return out;
}

template <class Num> result banks_impl(const profile& p, const pairwise_matrix<Num>& m) {
    result r = start(p, m, "banks");
    auto left = m.candidates();
    check_active(left, "banks");
    if (left.size() > k_banks_max_candidates)
        throw error(errc::unsupported, "banks: " + std::to_string(left.size()) +
                                           " candidates are more than the " +
                                           std::to_string(k_banks_max_candidates) +
                                           " the exact search over every subset allows; exclude candidates "
                                           "(option 'excluded')");
    r.ranking = by_repeated_sets(left, [&](const std::vector<cand_t>& l) { return banks_among(m, l); });
    r.winners = r.ranking.front();
    r.notes.push_back("set-valued rule: the winners are the whole Banks set; no tie is broken");
    return r;
}

// ---- black ---------------------------------------------------------------------------------
template <class Num>
result black_impl(const profile& p, const pairwise_matrix<Num>& m, const condorcet_common& opt) {
    result r = start(p, m, "black");
    auto cands = m.candidates();
    check_active(cands, "black");
    // Borda score from the matrix: the sum of a's margins, which for weak orders equals twice
    // the tie-averaged Borda count minus a constant (docs/methods/black.md).
    std::vector<Num> borda(m.n, Num(0));
    for (cand_t a : cands)
        for (cand_t b : cands)
            if (a != b) borda[a] += m(a, b) - m(b, a);
    r.scores.assign(m.n, std::nullopt);
    for (cand_t c : cands) r.scores[c] = rational(borda[c]);
    r.score_name = "Borda score from the pairwise matrix (sum of margins)";
    if (auto w = condorcet_winner(m)) {
        std::vector<cand_t> rest;
        for (cand_t c : cands)
            if (c != *w) rest.push_back(c);
        r.ranking.push_back({*w});
        for (auto& t : tiers_by_score(rest, borda)) r.ranking.push_back(t);
        r.winners = {*w};
        r.notes.push_back("Condorcet winner exists: " + p.candidate_name(*w));
        return r;
    }
    r.ranking = tiers_by_score(cands, borda);
    r.notes.push_back("no Condorcet winner: the Borda winner is chosen");
    tie_breaker tb(opt.tie_break, r);
    pick_from_top(r, tb);
    return r;
}

} // namespace

result condorcet(const profile& p, const condorcet_common& opt) {
    return with_pairwise(p, pw(opt), [&](const auto& m) { return condorcet_impl(p, m); });
}
result copeland(const profile& p, const copeland_options& opt) {
    return with_pairwise(p, pw(opt.common), [&](const auto& m) { return copeland_impl(p, m, opt); });
}
result copeland_set(const profile& p, const copeland_options& opt) {
    return with_pairwise(p, pw(opt.common), [&](const auto& m) { return copeland_impl(p, m, opt, true); });
}
result minimax(const profile& p, const minimax_options& opt) {
    return with_pairwise(p, pw(opt.common), [&](const auto& m) { return minimax_impl(p, m, opt); });
}
namespace detail {
std::vector<std::vector<cand_t>> schulze_ranking(const pairwise_matrix<std::int64_t>& m,
                                                 defeat_strength strength) {
    const auto cands = m.candidates();
    const auto paths = strongest_paths(m, cands, strength);
    return layer_by(cands, [&](cand_t a, cand_t b) { return paths.better(a, b); });
}
} // namespace detail

result schulze(const profile& p, const schulze_options& opt) {
    return with_pairwise(p, pw(opt.common), [&](const auto& m) { return schulze_impl(p, m, opt); });
}
result ranked_pairs(const profile& p, const ranked_pairs_options& opt) {
    return with_pairwise(p, pw(opt.common), [&](const auto& m) { return ranked_pairs_impl(p, m, opt); });
}
result smith(const profile& p, const condorcet_common& opt) {
    return with_pairwise(p, pw(opt), [&](const auto& m) { return smith_impl(p, m); });
}
result schwartz(const profile& p, const condorcet_common& opt) {
    return with_pairwise(p, pw(opt), [&](const auto& m) { return schwartz_impl(p, m); });
}
result black(const profile& p, const condorcet_common& opt) {
    return with_pairwise(p, pw(opt), [&](const auto& m) { return black_impl(p, m, opt); });
}
result banks(const profile& p, const condorcet_common& opt) {
    return with_pairwise(p, pw(opt), [&](const auto& m) { return banks_impl(p, m); });
}
result uncovered_set(const profile& p, const uncovered_set_options& opt) {
    return with_pairwise(p, pw(opt.common),
                         [&](const auto& m) { return uncovered_set_impl(p, m, opt.variant); });
}

// ---- registry adapters (declared in single_winner_adapters.hpp) ----------------------------
namespace detail {

condorcet_common read_condorcet_common(option_reader& o) {
    condorcet_common c;
    if (auto v = o.choice("unranked", {"last", "ignore"}, unranked_rule_name(c.unranked)))
        c.unranked = parse_unranked(*v, o.method());
    c.excluded = o.candidates("excluded");
    c.tie_break = o.tie_break(c.tie_break);
    return c;
}

std::optional<rational> exact_number(const nlohmann::json& v) {
    // An integer, or an exact number as a string ("1/2", "0.5"); never a binary double.
    if (v.is_number_unsigned()) return rational(v.get<std::uint64_t>());
    if (v.is_number_integer()) return rational(v.get<std::int64_t>());
    if (v.is_string()) {
        try {
            return parse_rational(v.get<std::string>());
        } catch (const error&) {
        }
    }
    return std::nullopt;
}

rational read_rational_option(option_reader& o, const std::string& key, const rational& def) {
    // The default as the listing shows it: a JSON integer when it is one, else "p/q".
    const std::string text = to_string(def);
    o.describe(key, "exact number",
               text.find('/') == std::string::npos && text.size() < 18 ? nlohmann::json(std::stoll(text))
                                                                       : nlohmann::json(text));
    if (!o.has(key)) return def;
    const auto v = o.get<nlohmann::json>(key);
    if (!v) return def;
    if (auto r = exact_number(*v)) return *r;
    throw error(errc::invalid, o.method() + ": option '" + key +
                                   "' must be an integer or an exact number as a string (\"1/2\", \"0.5\")");
}

result run_condorcet(const profile& p, option_reader& o) {
    auto c = read_condorcet_common(o);
    o.finish();
    return condorcet(p, c);
}
result run_copeland(const profile& p, option_reader& o) {
    copeland_options opt;
    opt.tie_value = read_rational_option(o, "tie_value", opt.tie_value);
    if (opt.tie_value < 0 || opt.tie_value > 1)
        throw error(errc::invalid, "copeland: option 'tie_value' must be between 0 and 1");
    opt.common = read_condorcet_common(o);
    o.finish();
    return copeland(p, opt);
}
result run_copeland_set(const profile& p, option_reader& o) {
    copeland_options opt;
    opt.tie_value = read_rational_option(o, "tie_value", opt.tie_value);
    if (opt.tie_value < 0 || opt.tie_value > 1)
        throw error(errc::invalid, "copeland-set: option 'tie_value' must be between 0 and 1");
    // No tie_break: a set-valued rule breaks no tie, so the option would be ignored.
    if (auto v = o.choice("unranked", {"last", "ignore"}, unranked_rule_name(opt.common.unranked)))
        opt.common.unranked = parse_unranked(*v, o.method());
    opt.common.excluded = o.candidates("excluded");
    o.finish();
    return copeland_set(p, opt);
}
result run_minimax(const profile& p, option_reader& o) {
    minimax_options opt;
    if (auto v = o.choice("variant", {"winning", "margin", "opposition"}, "winning")) {
        if (*v == "winning" || *v == "winning-votes")
            opt.variant = minimax_variant::winning_votes;
        else if (*v == "margin" || *v == "margins")
            opt.variant = minimax_variant::margins;
        else if (*v == "opposition" || *v == "pairwise-opposition")
            opt.variant = minimax_variant::pairwise_opposition;
        else
            throw error(errc::invalid,
                        "minimax: option 'variant' must be \"winning\", \"margin\" or \"opposition\", got '" +
                            *v + "'");
    }
    opt.common = read_condorcet_common(o);
    o.finish();
    return minimax(p, opt);
}
result run_schulze(const profile& p, option_reader& o) {
    schulze_options opt;
    if (auto v = o.choice("strength", {"winning", "margin", "ratio", "winning-only"}, "winning"))
        opt.strength = parse_defeat_strength(*v, o.method());
    opt.common = read_condorcet_common(o);
    o.finish();
    return schulze(p, opt);
}
result run_ranked_pairs(const profile& p, option_reader& o) {
    ranked_pairs_options opt;
    if (auto v = o.choice("strength", {"winning", "margin"}, "winning")) {
        opt.strength = parse_defeat_strength(*v, o.method());
        if (opt.strength == defeat_strength::ratio)
            throw error(errc::invalid, "ranked-pairs: option 'strength' must be \"winning\" or \"margin\"");
    }
    opt.common = read_condorcet_common(o);
    o.finish();
    return ranked_pairs(p, opt);
}
result run_smith(const profile& p, option_reader& o) {
    auto c = read_condorcet_common(o);
    o.finish();
    return smith(p, c);
}
result run_uncovered_set(const profile& p, option_reader& o) {
    uncovered_set_options opt;
    if (auto v = o.choice("variant", {"gillies", "fishburn", "bordes", "mckelvey"}, "gillies")) {
        if (*v == "gillies")
            opt.variant = covering::gillies;
        else if (*v == "fishburn")
            opt.variant = covering::fishburn;
        else if (*v == "bordes")
            opt.variant = covering::bordes;
        else if (*v == "mckelvey")
            opt.variant = covering::mckelvey;
        else
            throw error(errc::invalid, "uncovered-set: option 'variant' must be \"gillies\", \"fishburn\", "
                                       "\"bordes\" or \"mckelvey\", got \"" +
                                           *v + "\"");
    }
    opt.common = read_condorcet_common(o);
    o.finish();
    return uncovered_set(p, opt);
}
result run_banks(const profile& p, option_reader& o) {
    auto c = read_condorcet_common(o);
    o.finish();
    return banks(p, c);
}
result run_schwartz(const profile& p, option_reader& o) {
    auto c = read_condorcet_common(o);
    o.finish();
    return schwartz(p, c);
}
result run_black(const profile& p, option_reader& o) {
    auto c = read_condorcet_common(o);
    o.finish();
    return black(p, c);
}

} // namespace detail
} // namespace v0
} // namespace accord
