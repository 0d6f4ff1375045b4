// Committees over approval ballots (PAV and the Thiele rules, seq-Phragmén, Equal Shares, Monroe,
// minimax-AV, lex-CC, Adams, Phragmén-Eneström, consensus, EPH, minimax- and leximax-Phragmén,
// maximin support) and participatory budgeting (greedy, Equal Shares with costs).
//
// Rules defined by an optimum that no search here can bound (Monroe, minimax-AV, lex-minimax-AV,
// lex-CC, Adams) score every committee (best_committee), under a stated limit.
//
// The sequential rules share one engine. A voter's state is one number: how many of the voter's
// candidates are elected (seq-PAV), the voter's load (Phragmén) or budget left (Equal Shares).
// Voters with equal state behave alike from then on, so they form a class; a round scores every
// candidate from the per-class weights of its supporters and then moves only the supporters of
// the elected candidate to their new class. A count therefore costs a few passes over the
// ballots plus work proportional to candidates x classes, all in exact arithmetic.
#include "accord/detail/safety.hpp"
#include "accord/rules/committee.hpp"

#include "single_winner_adapters.hpp"

#include <algorithm>
#include <bit>
#include <map>
#include <numeric>
#include <type_traits>

namespace accord {
inline namespace v0 {
namespace {

rational as_rational(const rational& r) { return r; }
rational as_rational(std::int64_t v) { return rational(v); }

/// The approval ballots of a profile over its active candidates, weights as W (int64 when every
/// weight is 1, else exact rationals).
template <class W> struct electorate {
    std::size_t n = 0;
    std::vector<char> active;
    std::vector<cand_t> cands;      ///< active candidates, in profile order
    std::vector<W> weight;          ///< per distinct ballot: multiplicity x weight
    std::vector<std::uint32_t> off; ///< ballot i approves marks[off[i] .. off[i+1])
    std::vector<cand_t> marks;
    std::vector<std::vector<std::uint32_t>> supporters; ///< per candidate: the ballots approving it
    /// Points (score) ballots only (the budget rule): per candidate, the points each ballot of
    /// `supporters` gives it, all > 0 (a mark of 0 points is no support). Empty for approval.
    std::vector<std::vector<std::int64_t>> supporter_points;
    std::vector<W> approvals; ///< per candidate: approvals, or the points given in all (x weight)
    W total{};                ///< every voter, blank ballots included
    bool points = false;      ///< read from points (score) ballots

    /// What a supporter's mark is worth: `supporter_points[c][j]` for points ballots, else 1.
    std::int64_t points_of(cand_t c, std::size_t j) const { return points ? supporter_points[c][j] : 1; }

    std::span<const cand_t> approved(std::size_t i) const {
        return {marks.data() + off[i], marks.data() + off[i + 1]};
    }
};

/// The candidates a count takes part in. Approval ballots only, unless `points` (the budget
/// rule, which also reads score ballots as points given to projects).
std::vector<char> active_candidates(const profile& p, const std::vector<cand_t>& excluded,
                                    const std::string& method, bool points = false) {
    if (p.kind() != ballot_kind::approval && !(points && p.kind() == ballot_kind::score))
        throw error(errc::unsupported, method + " needs approval" + (points ? " or points (score)" : "") +
                                           " ballots, the profile holds " + ballot_kind_name(p.kind()) +
                                           " ballots");
    const std::size_t n = p.candidate_count();
    std::vector<char> active(n, 1);
    for (cand_t c = 0; c < n; ++c)
        if (p.withdrawn(c)) active[c] = 0;
    for (cand_t c : excluded) {
        if (c >= n) throw error(errc::invalid, method + ": excluded candidate index out of range");
        active[c] = 0;
    }
    return active;
}

// `active` is moved into the electorate below; clang-tidy 14 does not see a move assigned to a
// member of a dependent type (performance-unnecessary-value-param would have it copied).
// NOLINTNEXTLINE(performance-unnecessary-value-param)
template <class W> electorate<W> read_electorate(const profile& p, std::vector<char> active) {
    electorate<W> e;
    e.n = p.candidate_count();
    e.active = std::move(active);
    for (cand_t c = 0; c < e.n; ++c)
        if (e.active[c]) e.cands.push_back(c);
    e.supporters.resize(e.n);
    e.points = p.kind() == ballot_kind::score;
    if (e.points) e.supporter_points.resize(e.n);
    e.approvals.assign(e.n, W{});
    e.weight.reserve(p.unique_count());
    e.off.reserve(p.unique_count() + 1);
    e.off.push_back(0);
    for (std::size_t i = 0; i < p.unique_count(); ++i) {
        const auto b = p.ballot(i);
        W w;
        if constexpr (std::is_same_v<W, std::int64_t>)
            w = static_cast<std::int64_t>(b.count); // integral()
        else {
            w = rational(b.count);
            if (b.weight) w *= *b.weight;
        }
        for (const auto& m : b.marks) {
            if (!e.active[m.candidate]) continue;
            if (e.points) {
                if (m.value < 0)
                    throw error(errc::invalid, "budget: a ballot gives " + std::to_string(m.value) +
                                                   " points to '" + p.candidate_name(m.candidate) +
                                                   "'; points must be >= 0 (0: no support)");
                if (m.value == 0) continue;
                e.supporter_points[m.candidate].push_back(m.value);
                e.approvals[m.candidate] += w * W(m.value);
            } else
                e.approvals[m.candidate] += w;
            e.marks.push_back(m.candidate);
            e.supporters[m.candidate].push_back(static_cast<std::uint32_t>(i));
        }
        e.off.push_back(static_cast<std::uint32_t>(e.marks.size()));
        e.total += w;
        e.weight.push_back(std::move(w));
    }
    return e;
}

/// Whether every candidate's points x voters (score ballots; approval ballots hold 1s) sum within
/// int64, so an integral profile's points can be tallied in int64.
inline bool points_fit_int64(const profile& p) {
    if (p.kind() != ballot_kind::score) return true;
    uint128 sum = 0;
    for (std::size_t i = 0; i < p.unique_count(); ++i) {
        const auto b = p.ballot(i);
        for (const auto& m : b.marks)
            sum += static_cast<uint128>(b.count) *
                   static_cast<std::uint64_t>(m.value < 0 ? -static_cast<std::int64_t>(m.value) : m.value);
        if (sum > static_cast<uint128>(INT64_MAX)) return false;
    }
    return true;
}

/// Runs `f(electorate<W>)` with W = int64 when every weight is 1, else exact rationals.
template <class F> result with_electorate(const profile& p, std::vector<char> active, F&& f) {
    if (p.integral() && points_fit_int64(p)) return f(read_electorate<std::int64_t>(p, std::move(active)));
    return f(read_electorate<rational>(p, std::move(active)));
}

/// Voters grouped by equal state (see the file comment).
template <class W> struct classes {
    std::vector<rational> value;
    std::vector<std::vector<W>> mass; ///< mass[k][c]: weight of class k approving c
    std::vector<std::uint32_t> of;    ///< class of each distinct ballot
    std::map<rational, std::uint32_t> index;

    std::uint32_t intern(rational v, std::size_t n) {
        auto [it, fresh] = index.try_emplace(v, static_cast<std::uint32_t>(value.size()));
        if (fresh) {
            value.push_back(std::move(v));
            mass.emplace_back(n, W{});
        }
        return it->second;
    }

    void start(const electorate<W>& e, const rational& v) {
        const auto k = intern(v, e.n);
        of.assign(e.weight.size(), k);
        for (std::size_t i = 0; i < e.weight.size(); ++i)
            for (cand_t c : e.approved(i)) mass[k][c] += e.weight[i];
    }

    /// Moves the supporters of `c`: a voter in class k goes to the class of value next(value[k]).
    template <class Next> void move_supporters(const electorate<W>& e, cand_t c, Next&& next) {
        std::vector<std::uint32_t> dest(value.size(), UINT32_MAX);
        for (std::uint32_t i : e.supporters[c]) {
            const std::uint32_t k = of[i];
            if (dest[k] == UINT32_MAX) dest[k] = intern(next(value[k]), e.n);
            const std::uint32_t to = dest[k];
            if (to == k) continue;
            of[i] = to;
            for (cand_t a : e.approved(i)) {
                mass[k][a] -= e.weight[i];
                mass[to][a] += e.weight[i];
            }
        }
    }

    /// Gives every class a new value by an injective map (Equal Shares -> Phragmén loads).
    template <class Map> void revalue(Map&& f) {
        index.clear();
        for (std::uint32_t k = 0; k < value.size(); ++k) {
            value[k] = f(value[k]);
            index.emplace(value[k], k);
        }
    }

    W support(cand_t c) const {
        W s{};
        for (const auto& m : mass) s += m[c];
        return s;
    }
};

/// The result every rule here starts from: approvals as scores, the tie-breaker, the chosen set.
struct committee_count {
    result r;
    std::vector<char> in; ///< elected / funded
    std::vector<cand_t> cands;

    template <class W>
    committee_count(const profile& p, const electorate<W>& e, const std::string& method)
        : in(p.candidate_count(), 0), cands(e.cands) {
        r.method = method;
        r.candidates = p.candidate_names();
        r.scores.assign(p.candidate_count(), std::nullopt);
        for (cand_t c : e.cands) r.scores[c] = as_rational(e.approvals[c]);
        r.score_name = e.points ? "points" : "approvals";
    }

    std::vector<cand_t> continuing() const {
        std::vector<cand_t> v;
        for (cand_t c : cands)
            if (!in[c]) v.push_back(c);
        return v;
    }

    /// One round: scores every continuing candidate (nullopt: not electable now), keeps the best
    /// (lowest when `lower`), breaks a tie, records the round. When nobody is electable and
    /// `any_if_none`, all continuing candidates tie. Returns nullopt if nobody was chosen.
    template <class Score>
    std::optional<cand_t> round(tie_breaker& tb, Score&& score, bool lower, std::string note,
                                bool any_if_none, bool use_history) {
        round_record rec;
        rec.tallies.assign(r.candidates.size(), std::nullopt);
        std::vector<cand_t> tied;
        std::optional<rational> best;
        const auto pool = continuing();
        for (cand_t c : pool) {
            auto s = score(c);
            if (!s) continue;
            if (!best || (lower ? *s < *best : *s > *best)) {
                best = *s;
                tied = {c};
            } else if (*s == *best)
                tied.push_back(c);
            rec.tallies[c] = std::move(*s);
        }
        if (tied.empty()) {
            if (!any_if_none || pool.empty()) return std::nullopt;
            tied = pool;
            note += "; no continuing candidate has a supporter left, so all of them tie";
        }
        const std::size_t number = r.rounds.size() + 1;
        std::optional<cand_t> w = use_history ? tb.pick_winner(tied, number, "election", r.rounds)
                                              : tb.pick_winner(tied, number, "election");
        if (w) {
            rec.elected = {*w};
            in[*w] = 1;
            r.winners.push_back(*w);
        } else
            note += "; tie left unresolved, count stopped";
        rec.note = std::move(note);
        r.rounds.push_back(std::move(rec));
        return w;
    }

    /// Ranking: the chosen in order of selection, then everyone else as one tier.
    result finish() {
        r.ranking.clear();
        for (cand_t c : r.winners) r.ranking.push_back({c});
        auto rest = continuing();
        if (!rest.empty()) r.ranking.push_back(std::move(rest));
        return std::move(r);
    }
};

void check_seats(const std::string& method, std::size_t seats, std::size_t standing) {
    if (seats < 1) throw error(errc::invalid, method + ": option 'seats' must be >= 1");
    if (seats > standing)
        throw error(errc::invalid, method + ": option 'seats' (" + std::to_string(seats) + ") exceeds the " +
                                       std::to_string(standing) + " candidates standing");
}

// --- sequential rules ---------------------------------------------------------------------

/// The load every supporter of c would carry if c were elected at `cost`: (cost + the sum of
/// their loads x weight) / their weight; nullopt when nobody of positive weight supports c.
template <class W>
std::optional<rational> phragmen_load(const classes<W>& cl, cand_t c, const rational& cost) {
    W s{};
    rational carried = cost;
    for (std::size_t j = 0; j < cl.value.size(); ++j) {
        const W& m = cl.mass[j][c];
        if (m == W{}) continue;
        s += m;
        carried += cl.value[j] * m;
    }
    if (s == W{}) return std::nullopt;
    return carried / as_rational(s);
}

/// Phragmén rounds until `seats` are filled: electing c puts every supporter's load at
/// (1 + sum of their loads x weight) / (their weight). Lower is better; the tie-breaker gets no
/// history (earlier tallies are loads, where "more" is not "better").
template <class W>
void phragmen_rounds(const electorate<W>& e, classes<W>& cl, committee_count& k, tie_breaker& tb,
                     std::size_t seats, const std::string& note) {
    while (k.r.winners.size() < seats) {
        const rational one = 1;
        auto score = [&](cand_t c) { return phragmen_load(cl, c, one); };
        std::optional<rational> load;
        auto w = k.round(tb, score, true, note, true, false);
        if (!w) return;
        if (const auto& t = k.r.rounds.back().tallies[*w]) load = *t;
        if (load) cl.move_supporters(e, *w, [&](const rational&) { return *load; });
    }
}

/// Equal Shares rounds: each continuing candidate c is affordable when its supporters' budgets
/// cover cost(c); rho(c) is the smallest share p with sum min(budget, p) x weight = cost(c),
/// divided by the voter's utility u(c). The lowest rho is elected and its supporters pay.
template <class W, class Cost, class Util>
void equal_shares_rounds(const electorate<W>& e, classes<W>& cl, committee_count& k, tie_breaker& tb,
                         std::size_t seats, Cost&& cost, Util&& utility, const std::string& note) {
    while (k.r.winners.size() < seats) {
        std::vector<std::uint32_t> order; // classes with money, poorest first
        for (std::uint32_t j = 0; j < cl.value.size(); ++j)
            if (sign(cl.value[j]) > 0) order.push_back(j);
        std::sort(order.begin(), order.end(), [&](auto a, auto b) { return cl.value[a] < cl.value[b]; });
        std::vector<std::optional<rational>> share(e.n);
        auto score = [&](cand_t c) -> std::optional<rational> {
            W left{};
            for (auto j : order) left += cl.mass[j][c];
            if (left == W{}) return std::nullopt;
            rational paid = 0;
            const rational& need = cost(c);
            for (auto j : order) {
                const W& m = cl.mass[j][c];
                if (m == W{}) continue;
                // Can everyone from class j on pay an equal share of what is still needed?
                rational rest = need - paid;
                if (cl.value[j] * left >= rest) {
                    share[c] = rest / as_rational(left);
                    return *share[c] / utility(c);
                }
                paid += cl.value[j] * m;
                left -= m;
            }
            return std::nullopt;
        };
        auto w = k.round(tb, score, true, note, false, false);
        if (!w) return;
        const rational p = *share[*w];
        cl.move_supporters(e, *w, [&](const rational& b) { return b <= p ? rational(0) : rational(b - p); });
    }
}

const std::string k_mes_points_note =
    "tallies: rho, the price per point: each supporter pays rho x the points it gives, capped by its "
    "money (lowest wins; absent = unaffordable)";

/// Equal Shares with cardinal utilities (points ballots; Peters, Pierczyński & Skowron's rule for
/// additive utilities): every voter starts with `per_voter` money per unit of weight; a project c
/// is affordable when some rho has sum over its supporters of min(money, rho x points(c)) x weight
/// = cost(c), and the least such rho is c's tally. The lowest rho is funded; each supporter pays
/// min(money, rho x points(c)). Voters are taken one distinct ballot at a time: their breakpoints
/// money / points(c) differ from project to project.
template <class W>
void equal_shares_points_rounds(const electorate<W>& e, const rational& per_voter, committee_count& k,
                                tie_breaker& tb, const std::vector<rational>& costs) {
    std::vector<rational> money(e.weight.size(), per_voter);
    struct supporter {
        rational breakpoint; ///< money / points: beyond this rho the voter pays all it has
        rational mass;       ///< weight x points
        rational holds;      ///< weight x money
    };
    std::vector<supporter> sup;
    std::vector<std::optional<rational>> rho(e.n);
    while (true) {
        auto score = [&](cand_t c) -> std::optional<rational> {
            sup.clear();
            rational mass = 0;
            const auto& ballots = e.supporters[c];
            for (std::size_t j = 0; j < ballots.size(); ++j) {
                const std::uint32_t i = ballots[j];
                if (e.weight[i] == W{} || sign(money[i]) <= 0) continue;
                const rational w = as_rational(e.weight[i]);
                const rational u(e.points_of(c, j));
                sup.push_back({rational(money[i] / u), rational(w * u), rational(w * money[i])});
                mass += sup.back().mass;
            }
            if (sup.empty()) return std::nullopt;
            std::sort(sup.begin(), sup.end(),
                      [](const supporter& a, const supporter& b) { return a.breakpoint < b.breakpoint; });
            // Poorest (per point) first: while the one with the least breakpoint cannot pay its
            // points x the price the others' money would set, it pays all it has.
            rational paid = 0;
            for (const auto& s : sup) {
                if (paid + s.breakpoint * mass >= costs[c]) {
                    rho[c] = (costs[c] - paid) / mass;
                    return rho[c];
                }
                paid += s.holds;
                mass -= s.mass;
            }
            return std::nullopt;
        };
        auto w = k.round(tb, score, true, k_mes_points_note, false, false);
        if (!w) return;
        const rational price = *rho[*w];
        const auto& ballots = e.supporters[*w];
        for (std::size_t j = 0; j < ballots.size(); ++j) {
            rational& m = money[ballots[j]];
            const rational pay = price * e.points_of(*w, j);
            m = pay >= m ? rational(0) : rational(m - pay);
        }
    }
}

const std::string k_seq_pav_note =
    "tallies: marginal PAV gain, sum over supporters of weight / (1 + members they already have)";
const std::string k_phragmen_note = "tallies: the load every supporter would carry if elected (lowest wins)";
const std::string k_mes_note = "tallies: rho, the share each supporter with money enough pays (lowest wins; "
                               "absent = unaffordable)";

// --- PAV, exact ------------------------------------------------------------------------------

big_int binomial(std::size_t n, std::size_t k) {
    big_int b = 1;
    for (std::size_t i = 1; i <= k; ++i) b = b * (n - k + i) / i;
    return b;
}

big_int to_big(uint128 x) {
    big_int r = static_cast<std::uint64_t>(x >> 64);
    r <<= 64;
    r += static_cast<std::uint64_t>(x);
    return r;
}
big_int to_big(const big_int& x) { return x; }

template <class I> I from_big(const big_int& x) {
    if constexpr (std::is_same_v<I, big_int>)
        return x;
    else {
        const big_int hi = x >> 64;
        const big_int lo = x - (hi << 64);
        return (static_cast<I>(hi.convert_to<std::uint64_t>()) << 64) |
               static_cast<I>(lo.convert_to<std::uint64_t>());
    }
}

/// Branch and bound over committees. Candidates are tried most-approved first; a node is cut
/// when its score plus the r largest marginal gains of the candidates still open cannot reach
/// the target (PAV's gains only shrink as the committee grows, so that sum bounds any completion).
/// Scores are integers: weights scaled by the common denominator, H(j) by lcm(1..k).
template <class I> struct pav_search {
    std::size_t m = 0, k = 0;
    std::vector<I> w;                           ///< per approval set
    std::vector<std::vector<std::uint32_t>> of; ///< per candidate: the approval sets holding it
    std::vector<I> delta;                       ///< delta[j] = lcm(1..k) / j
    std::vector<std::uint32_t> sat;
    std::vector<char> forced, banned;
    std::vector<std::uint32_t> chosen;
    std::vector<I> gains;
    I best{};
    bool found = false, exact_target = false;
    I target{};

    I gain(std::uint32_t c) const {
        I g{};
        for (auto v : of[c]) g += w[v] * delta[sat[v] + 1];
        return g;
    }

    bool dfs(std::size_t i, const I& score, std::size_t forced_left) {
        const std::size_t r = k - chosen.size();
        if (forced_left > r) return false;
        if (r == 0) {
            if (exact_target) {
                if (score >= target) {
                    best = score;
                    found = true;
                    return true;
                }
                return false;
            }
            if (!found || score > best) {
                best = score;
                found = true;
            }
            return false;
        }
        if (m - i < r) return false;
        gains.clear();
        for (std::size_t c = i; c < m; ++c)
            if (!banned[c]) gains.push_back(gain(static_cast<std::uint32_t>(c)));
        if (gains.size() < r) return false;
        std::partial_sort(gains.begin(), gains.begin() + static_cast<std::ptrdiff_t>(r), gains.end(),
                          std::greater<>());
        I bound = score;
        for (std::size_t j = 0; j < r; ++j) bound += gains[j];
        if (exact_target ? bound < target : (found && bound <= best)) return false;
        const auto c = static_cast<std::uint32_t>(i);
        if (!banned[c]) {
            I s = score;
            for (auto v : of[c]) s += w[v] * delta[++sat[v]];
            chosen.push_back(c);
            const bool stop = dfs(i + 1, s, forced_left - (forced[c] ? 1 : 0));
            chosen.pop_back();
            for (auto v : of[c]) --sat[v];
            if (stop) return true;
        }
        if (!forced[c]) return dfs(i + 1, score, forced_left);
        return false;
    }

    /// The best score of a committee holding `f` and avoiding `b`; with a target, whether one
    /// reaches it.
    std::optional<I> solve(const std::vector<char>& f, const std::vector<char>& b, std::optional<I> tgt) {
        forced = f;
        banned = b;
        found = false;
        exact_target = tgt.has_value();
        if (tgt) target = *tgt;
        sat.assign(w.size(), 0);
        chosen.clear();
        dfs(0, I{}, static_cast<std::size_t>(std::count(f.begin(), f.end(), 1)));
        if (!found) return std::nullopt;
        return best;
    }
};

/// The result of a rule that chooses a set: winners in candidate order, and the committee as
/// one tier of the ranking (when it is complete), then everyone else.
result finish_as_set(committee_count& cnt, const std::string& label, std::size_t k) {
    cnt.r.notes.push_back("winners are listed in candidate order (" + label +
                          " chooses a set, not a sequence)");
    result r = cnt.finish();
    if (r.winners.size() == k) {
        r.ranking = {r.winners};
        auto rest = cnt.continuing();
        if (!rest.empty()) r.ranking.push_back(rest);
    }
    return r;
}

template <class I>
result thiele_exact(const profile& p, const thiele_options& opt, std::vector<char> active,
                    const std::string& method, const std::string& label) {
    return with_electorate(p, std::move(active), [&](const auto& e) {
        committee_count cnt(p, e, method);
        const std::size_t k = opt.common.seats;
        // Local order: most approvals first (a good committee early makes the cuts bite).
        std::vector<cand_t> order = e.cands;
        std::stable_sort(order.begin(), order.end(),
                         [&](cand_t a, cand_t b) { return e.approvals[a] > e.approvals[b]; });
        std::vector<std::uint32_t> local(e.n, UINT32_MAX);
        for (std::uint32_t i = 0; i < order.size(); ++i) local[order[i]] = i;
        // Distinct approval sets with their exact weights.
        std::map<std::vector<std::uint32_t>, rational> sets;
        for (std::size_t i = 0; i < e.weight.size(); ++i) {
            std::vector<std::uint32_t> s;
            for (cand_t c : e.approved(i)) s.push_back(local[c]);
            if (s.empty()) continue;
            std::sort(s.begin(), s.end());
            sets[s] += as_rational(e.weight[i]);
        }
        big_int den = 1, lcm_k = 1; // lcm_k: the common denominator of the rule's weights w_1..w_k
        for (const auto& [s, w] : sets) den = boost::multiprecision::lcm(den, big_int(denominator(w)));
        for (std::size_t j = 1; j <= k; ++j)
            lcm_k = boost::multiprecision::lcm(lcm_k, big_int(denominator(thiele_weight(opt, j))));
        pav_search<I> search;
        search.m = order.size();
        search.k = k;
        search.of.resize(order.size());
        for (const auto& [s, w] : sets) {
            for (auto c : s) search.of[c].push_back(static_cast<std::uint32_t>(search.w.size()));
            search.w.push_back(from_big<I>(big_int(numerator(w) * (den / big_int(denominator(w))))));
        }
        search.delta.assign(k + 1, I{});
        for (std::size_t j = 1; j <= k; ++j) {
            const rational wj = thiele_weight(opt, j) * rational(lcm_k);
            search.delta[j] = from_big<I>(big_int(numerator(wj)));
        }
        const std::vector<char> none(order.size(), 0);
        const I best = *search.solve(none, none, std::nullopt);
        // Which optimal committee: add every candidate that all optimal committees (holding the
        // ones chosen so far) share; where several remain, the tie-breaker chooses and it is recorded.
        std::vector<char> f = none;
        std::size_t size = 0;
        while (size < k) {
            std::vector<std::uint32_t> some;
            for (std::uint32_t c = 0; c < order.size(); ++c) {
                if (f[c]) continue;
                auto g = f;
                g[c] = 1;
                if (search.solve(g, none, best)) some.push_back(c);
            }
            std::vector<std::uint32_t> open;
            for (auto c : some) {
                auto b = none;
                b[c] = 1;
                if (!search.solve(f, b, best)) {
                    f[c] = 1;
                    ++size;
                } else
                    open.push_back(c);
            }
            if (size == k) break;
            if (size + open.size() == k) {
                for (auto c : open) f[c] = 1;
                break;
            }
            std::vector<cand_t> tied;
            tied.reserve(open.size());
            for (auto c : open) tied.push_back(order[c]);
            tie_breaker tb(opt.common.tie_break, cnt.r);
            const auto pick =
                tb.pick_winner(tied, 0, "election: several committees have the optimal " + label + " score");
            if (!pick) {
                cnt.r.notes.push_back(
                    "several committees are optimal; the tie was left unresolved, so the winners are "
                    "only the candidates every optimal committee holding them shares");
                break;
            }
            f[local[*pick]] = 1;
            ++size;
        }
        for (cand_t c : e.cands)
            if (f[local[c]]) cnt.in[c] = 1, cnt.r.winners.push_back(c);
        const rational score = rational(to_big(best), den * lcm_k);
        cnt.r.notes.push_back(label + " score of the committee: " + to_string(score));
        return finish_as_set(cnt, label, k);
    });
}

} // namespace

rational thiele_weight(const thiele_options& opt, std::size_t j) {
    switch (opt.rule) {
    case thiele_rule::pav:
        return rational(1, static_cast<std::int64_t>(j));
    case thiele_rule::av:
        return rational(1);
    case thiele_rule::cc:
        return rational(j == 1 ? 1 : 0);
    case thiele_rule::slav:
        return rational(1, static_cast<std::int64_t>(2 * j - 1));
    case thiele_rule::geometric: {
        big_int d = 1;
        for (std::size_t i = 1; i < j; ++i) d *= opt.base;
        return rational(big_int(1), d);
    }
    }
    return rational(0);
}

namespace {
const char* thiele_name(thiele_rule r) {
    switch (r) {
    case thiele_rule::pav:
        return "pav";
    case thiele_rule::av:
        return "av";
    case thiele_rule::cc:
        return "cc";
    case thiele_rule::slav:
        return "slav";
    case thiele_rule::geometric:
        return "geometric";
    }
    return "";
}
const char* thiele_label(thiele_rule r) {
    switch (r) {
    case thiele_rule::pav:
        return "PAV";
    case thiele_rule::av:
        return "AV";
    case thiele_rule::cc:
        return "CC";
    case thiele_rule::slav:
        return "SLAV";
    case thiele_rule::geometric:
        return "geometric Thiele";
    }
    return "";
}

result thiele_search(const profile& p, const thiele_options& opt, const std::string& method,
                     const std::string& label) {
    auto active = active_candidates(p, opt.common.excluded, method);
    const auto standing = static_cast<std::size_t>(std::count(active.begin(), active.end(), 1));
    check_seats(method, opt.common.seats, standing);
    const big_int committees = binomial(standing, opt.common.seats);
    if (committees > opt.max_committees)
        throw error(
            errc::invalid,
            method + ": the exact search over C(" + std::to_string(standing) + ", " +
                std::to_string(opt.common.seats) + ") = " + committees.str() +
                " committees exceeds the limit of " + std::to_string(opt.max_committees) +
                " (option 'max_committees'); use " +
                (opt.rule == thiele_rule::geometric ? std::string("a sequential rule") : "seq-" + method) +
                " for elections this large");
    // Integer scores fit 128 bits when total scaled weight x lcm(weight denominators) x (k + 1)
    // does (every weight is at most 1, so a score is at most k x the scaled total).
    rational total = p.total_weight();
    big_int den = 1;
    for (std::size_t i = 0; i < p.unique_count(); ++i)
        if (const auto* w = p.ballot(i).weight)
            den = boost::multiprecision::lcm(den, big_int(denominator(*w)));
    big_int lcm_k = 1;
    for (std::size_t j = 1; j <= opt.common.seats; ++j)
        lcm_k = boost::multiprecision::lcm(lcm_k, big_int(denominator(thiele_weight(opt, j))));
    const rational bound = total * rational(den) * rational(lcm_k) * rational(opt.common.seats + 1);
    if (bound < rational(big_int(1) << 120))
        return thiele_exact<uint128>(p, opt, std::move(active), method, label);
    return thiele_exact<big_int>(p, opt, std::move(active), method, label);
}
} // namespace

result pav(const profile& p, const pav_options& opt) {
    thiele_options t;
    t.common = opt.common;
    t.rule = thiele_rule::pav;
    t.max_committees = opt.max_committees;
    return thiele_search(p, t, "pav", "PAV");
}

namespace {
/// The frame of every sequential committee rule: checks, the count, the tie-breaker, the classes.
template <class Body>
result sequential(const profile& p, const committee_options& opt, const std::string& method, Body&& body) {
    auto active = active_candidates(p, opt.excluded, method);
    return with_electorate(p, std::move(active), [&](const auto& e) {
        check_seats(method, opt.seats, e.cands.size());
        committee_count k(p, e, method);
        tie_breaker tb(opt.tie_break, k.r);
        classes<std::decay_t<decltype(e.total)>> cl;
        body(e, k, tb, cl);
        return k.finish();
    });
}
} // namespace

result seq_pav(const profile& p, const committee_options& opt) {
    return sequential(p, opt, "seq-pav", [&](const auto& e, committee_count& k, tie_breaker& tb, auto& cl) {
        using W = std::decay_t<decltype(e.total)>;
        cl.start(e, rational(0)); // value: how many members each voter already has
        while (k.r.winners.size() < opt.seats) {
            auto score = [&](cand_t c) -> std::optional<rational> {
                rational g = 0;
                for (std::size_t j = 0; j < cl.value.size(); ++j)
                    if (cl.mass[j][c] != W{}) g += as_rational(cl.mass[j][c]) / (cl.value[j] + 1);
                return g;
            };
            auto w = k.round(tb, score, false, k_seq_pav_note, false, true);
            if (!w) break;
            cl.move_supporters(e, *w, [](const rational& v) { return rational(v + 1); });
        }
    });
}

namespace {
/// The k highest scores win (AV, SAV): whole tiers of equal score while they fit; the tier that
/// straddles the last seat goes to the tie-breaker, one seat at a time, each pick recorded.
template <class Score>
result top_k(const profile& p, const committee_options& opt, const std::string& method, Score&& score_of,
             const std::string& score_name) {
    auto active = active_candidates(p, opt.excluded, method);
    return with_electorate(p, std::move(active), [&](const auto& e) {
        check_seats(method, opt.seats, e.cands.size());
        committee_count k(p, e, method);
        tie_breaker tb(opt.tie_break, k.r);
        std::vector<rational> sc(e.n, rational(0));
        round_record rec;
        rec.tallies.assign(e.n, std::nullopt);
        for (cand_t c : e.cands) rec.tallies[c] = sc[c] = score_of(e, c);
        k.r.scores = rec.tallies;
        k.r.score_name = score_name;
        std::map<rational, std::vector<cand_t>, std::greater<>> tiers;
        for (cand_t c : e.cands) tiers[sc[c]].push_back(c);
        for (auto& [v, tier] : tiers) {
            const std::size_t left = opt.seats - k.r.winners.size();
            if (left == 0) break;
            if (tier.size() <= left) {
                for (cand_t c : tier) k.in[c] = 1, k.r.winners.push_back(c);
                continue;
            }
            auto pool = tier;
            for (std::size_t s = 0; s < left; ++s) {
                auto w = tb.pick_winner(pool, 1, "election: equal scores for the last seat(s)");
                if (!w) {
                    k.r.notes.push_back(
                        "tie for the last seat(s) left unresolved; the committee is incomplete");
                    break;
                }
                k.in[*w] = 1;
                k.r.winners.push_back(*w);
                std::erase(pool, *w);
            }
            break;
        }
        rec.elected = k.r.winners;
        rec.note = score_name;
        k.r.rounds.push_back(std::move(rec));
        return k.finish();
    });
}
} // namespace

result sav(const profile& p, const committee_options& opt) {
    return top_k(
        p, opt, "sav",
        [](const auto& e, cand_t c) {
            rational s = 0;
            for (std::uint32_t i : e.supporters[c])
                s += as_rational(e.weight[i]) / static_cast<std::int64_t>(e.off[i + 1] - e.off[i]);
            return s;
        },
        "satisfaction: sum over supporters of weight / number of candidates they approve");
}

result thiele(const profile& p, const thiele_options& opt) {
    if (opt.rule == thiele_rule::geometric && opt.base < 2)
        throw error(errc::invalid, "geometric: option 'base' must be an integer >= 2");
    if (opt.rule == thiele_rule::av)
        return top_k(
            p, opt.common, "av", [](const auto& e, cand_t c) { return as_rational(e.approvals[c]); },
            "approvals");
    return thiele_search(p, opt, thiele_name(opt.rule), thiele_label(opt.rule));
}

result seq_thiele(const profile& p, const thiele_options& opt) {
    if (opt.rule == thiele_rule::geometric && opt.base < 2)
        throw error(errc::invalid, "seq-geometric: option 'base' must be an integer >= 2");
    const std::string method = std::string("seq-") + thiele_name(opt.rule);
    const std::string note = std::string("tallies: marginal ") + thiele_label(opt.rule) +
                             " gain, sum over supporters of weight x w(1 + members they already have)";
    return sequential(
        p, opt.common, method, [&](const auto& e, committee_count& k, tie_breaker& tb, auto& cl) {
            using W = std::decay_t<decltype(e.total)>;
            cl.start(e, rational(0));
            while (k.r.winners.size() < opt.common.seats) {
                auto score = [&](cand_t c) -> std::optional<rational> {
                    rational g = 0;
                    for (std::size_t j = 0; j < cl.value.size(); ++j)
                        if (cl.mass[j][c] != W{})
                            g += as_rational(cl.mass[j][c]) *
                                 thiele_weight(opt,
                                               numerator(cl.value[j]).template convert_to<std::size_t>() + 1);
                    return g;
                };
                auto w = k.round(tb, score, false, note, false, true);
                if (!w) break;
                cl.move_supporters(e, *w, [](const rational& v) { return rational(v + 1); });
            }
        });
}

result revseq_thiele(const profile& p, const thiele_options& opt) {
    const std::string method = std::string("revseq-") + thiele_name(opt.rule);
    auto active = active_candidates(p, opt.common.excluded, method);
    return with_electorate(p, std::move(active), [&](const auto& e) {
        check_seats(method, opt.common.seats, e.cands.size());
        committee_count k(p, e, method);
        tie_breaker tb(opt.common.tie_break, k.r);
        std::vector<char> in(e.n, 0);
        for (cand_t c : e.cands) in[c] = 1;
        // members[i]: how many of ballot i's approved candidates are still in the committee.
        std::vector<std::size_t> members(e.weight.size(), 0);
        for (std::size_t i = 0; i < e.weight.size(); ++i) members[i] = e.approved(i).size();
        std::vector<std::vector<cand_t>> removed;
        std::size_t left = e.cands.size();
        while (left > opt.common.seats) {
            round_record rec;
            rec.tallies.assign(e.n, std::nullopt);
            std::vector<cand_t> worst;
            std::optional<rational> least;
            for (cand_t c : e.cands) {
                if (!in[c]) continue;
                // Removing c costs each supporter the weight of its last member: w(members).
                rational loss = 0;
                for (std::uint32_t i : e.supporters[c])
                    loss += as_rational(e.weight[i]) * thiele_weight(opt, members[i]);
                if (!least || loss < *least)
                    least = loss, worst = {c};
                else if (loss == *least)
                    worst.push_back(c);
                rec.tallies[c] = loss;
            }
            const std::size_t number = k.r.rounds.size() + 1;
            auto out = worst.size() == 1 ? std::optional<cand_t>(worst[0])
                                         : tb.pick_loser(worst, number, "removal: equal least losses");
            rec.note = std::string("tallies: the ") + thiele_label(opt.rule) +
                       " score the committee would lose without the candidate (least is removed)";
            if (!out) {
                rec.note += "; tie left unresolved, count stopped";
                k.r.rounds.push_back(std::move(rec));
                break;
            }
            rec.eliminated = {*out};
            k.r.rounds.push_back(std::move(rec));
            in[*out] = 0;
            --left;
            removed.push_back({*out});
            for (std::uint32_t i : e.supporters[*out]) --members[i];
        }
        if (left == opt.common.seats)
            for (cand_t c : e.cands)
                if (in[c]) k.in[c] = 1, k.r.winners.push_back(c);
        k.r.notes.push_back("winners are listed in candidate order (the committee is what is left)");
        result r = k.finish();
        if (left == opt.common.seats) {
            r.ranking = {r.winners};
            for (auto it = removed.rbegin(); it != removed.rend(); ++it) r.ranking.push_back(*it);
        }
        return r;
    });
}

// --- rules found by scoring every committee: Monroe, minimax-AV, lex-CC ----------------------

namespace {

/// Maximum flow (Dinic) over capacities Cap: 64-bit integers for Monroe's score of one
/// committee, exact rationals for the loads of maximin support with costs. After run(),
/// `level[v] >= 0` marks the source side of a minimum cut.
template <class Cap> struct basic_max_flow {
    struct arc {
        std::uint32_t to;
        Cap cap;
    };
    std::vector<arc> arcs;
    std::vector<std::vector<std::uint32_t>> out;
    std::vector<int> level;
    std::vector<std::size_t> next;

    explicit basic_max_flow(std::size_t nodes) : out(nodes) {}

    void add(std::uint32_t a, std::uint32_t b, Cap cap) {
        out[a].push_back(static_cast<std::uint32_t>(arcs.size()));
        arcs.push_back({b, std::move(cap)});
        out[b].push_back(static_cast<std::uint32_t>(arcs.size()));
        arcs.push_back({a, Cap{}});
    }

    bool layer(std::uint32_t s, std::uint32_t t) {
        level.assign(out.size(), -1);
        std::vector<std::uint32_t> queue{s};
        level[s] = 0;
        for (std::size_t h = 0; h < queue.size(); ++h)
            for (auto a : out[queue[h]])
                if (arcs[a].cap > Cap{} && level[arcs[a].to] < 0) {
                    level[arcs[a].to] = level[queue[h]] + 1;
                    queue.push_back(arcs[a].to);
                }
        return level[t] >= 0;
    }

    Cap push(std::uint32_t u, std::uint32_t t, const Cap& f) {
        if (u == t) return f;
        for (; next[u] < out[u].size(); ++next[u]) {
            const auto a = out[u][next[u]];
            const auto v = arcs[a].to;
            if (!(arcs[a].cap > Cap{}) || level[v] != level[u] + 1) continue;
            const Cap room = arcs[a].cap < f ? Cap(arcs[a].cap) : Cap(f);
            if (Cap d = push(v, t, room); d > Cap{}) {
                arcs[a].cap -= d;
                arcs[a ^ 1U].cap += d;
                return d;
            }
        }
        return Cap{};
    }

    Cap run(std::uint32_t s, std::uint32_t t) {
        Cap limit{}; // no path carries more than leaves the source
        for (auto a : out[s]) limit += arcs[a].cap;
        Cap total{};
        while (layer(s, t)) {
            next.assign(out.size(), 0);
            while (true) {
                Cap f = push(s, t, limit);
                if (!(f > Cap{})) break;
                total += f;
            }
        }
        return total;
    }
};
using max_flow = basic_max_flow<std::int64_t>;

/// Monroe's score of committee `w`: the most voters a balanced assignment can satisfy. Every
/// member takes q = floor(n/k) voters, r = n mod k of them one more. Satisfied voters flow
/// source -> ballot -> approved member -> sink (q each); the r extra places pass through one
/// shared node of capacity r, at most one per member. The unsatisfied voters then fill the
/// places left, so any flow is a balanced assignment and conversely (Lackner & Skowron 2023,
/// section 2.5; Betzler, Slinko & Uhlmann 2013 for the flow formulation).
std::int64_t monroe_score(const electorate<std::int64_t>& e, const std::vector<cand_t>& w) {
    const auto k = static_cast<std::int64_t>(w.size());
    const std::int64_t q = e.total / k, r = e.total % k;
    std::vector<std::uint32_t> member(e.n, UINT32_MAX);
    for (std::size_t j = 0; j < w.size(); ++j) member[w[j]] = static_cast<std::uint32_t>(3 + j);
    const auto first_ballot = static_cast<std::uint32_t>(3 + w.size());
    max_flow g(first_ballot + e.weight.size());
    for (std::size_t j = 0; j < w.size(); ++j) {
        if (q > 0) g.add(static_cast<std::uint32_t>(3 + j), 1, q);
        if (r > 0) g.add(static_cast<std::uint32_t>(3 + j), 2, 1);
    }
    if (r > 0) g.add(2, 1, r);
    for (std::size_t i = 0; i < e.weight.size(); ++i) {
        const auto node = static_cast<std::uint32_t>(first_ballot + i);
        bool any = false;
        for (cand_t c : e.approved(i))
            if (member[c] != UINT32_MAX) g.add(node, member[c], e.weight[i]), any = true;
        if (any) g.add(0, node, e.weight[i]);
    }
    return g.run(0, 1);
}

/// Where several sets (committees, allocations) are optimal, the tie-breaker picks among the
/// candidates some but not all of them hold, one at a time, until one set is left; each pick is
/// recorded. Under "report" the winners are the candidates every optimal set holds. The chosen
/// candidates become cnt.in and cnt.r.winners (in candidate order).
void choose_optimal(committee_count& cnt, tie_breaker& tb, std::vector<std::vector<cand_t>> optimal,
                    const std::string& sets, const std::string& label) {
    std::vector<std::size_t> holding(cnt.in.size());
    while (true) {
        std::fill(holding.begin(), holding.end(), 0);
        for (const auto& c : optimal)
            for (cand_t x : c) ++holding[x];
        std::vector<cand_t> open;
        for (cand_t c : cnt.cands)
            if (holding[c] > 0 && holding[c] < optimal.size()) open.push_back(c);
        if (open.empty()) break;
        const auto chosen = tb.pick_winner(open, 0,
                                           "election: " + std::to_string(optimal.size()) + " " + sets +
                                               " have the optimal " + label);
        if (!chosen) {
            cnt.r.notes.push_back("several " + sets +
                                  " are optimal; the tie was left unresolved, so the "
                                  "winners are only the candidates every optimal one holds");
            break;
        }
        const cand_t c = *chosen;
        std::erase_if(optimal, [c](const std::vector<cand_t>& x) {
            return std::find(x.begin(), x.end(), c) == x.end();
        });
    }
    for (cand_t c : cnt.cands)
        if (holding[c] == optimal.size()) cnt.in[c] = 1;
    for (cand_t c : cnt.cands)
        if (cnt.in[c]) cnt.r.winners.push_back(c);
}

/// Scores every committee of opt.common.seats active candidates by `key` (a vector compared
/// lexicographically, larger is better) and keeps the best. Where several are optimal, the
/// tie-breaker picks among the candidates some but not all of them hold, one at a time, until
/// one committee is left; each pick is recorded. Under "report" the winners are the candidates
/// every optimal committee holds and the result is incomplete (as the exact Thiele rules do).
template <class Key, class Describe>
result best_committee(const profile& p, const exact_committee_options& opt, const std::string& method,
                      const std::string& label, Key&& key, Describe&& describe) {
    auto active = active_candidates(p, opt.common.excluded, method);
    const auto standing = static_cast<std::size_t>(std::count(active.begin(), active.end(), 1));
    const std::size_t k = opt.common.seats;
    check_seats(method, k, standing);
    const big_int committees = binomial(standing, k);
    if (committees > opt.max_committees)
        throw error(errc::invalid, method + ": the exact search over C(" + std::to_string(standing) + ", " +
                                       std::to_string(k) + ") = " + committees.str() +
                                       " committees exceeds the limit of " +
                                       std::to_string(opt.max_committees) + " (option 'max_committees')");
    return with_electorate(p, std::move(active), [&](const auto& e) {
        committee_count cnt(p, e, method);
        std::vector<std::size_t> pick(k);
        std::iota(pick.begin(), pick.end(), 0);
        std::vector<cand_t> w(k);
        std::optional<std::vector<rational>> best;
        std::vector<std::vector<cand_t>> optimal;
        const std::size_t m = e.cands.size();
        // Progress: the fraction of committees scored, before the first and every 256 after.
        const auto total = static_cast<double>(committees.convert_to<std::uint64_t>());
        std::uint64_t scored = 0;
        const auto report = [&] {
            if (opt.progress && !opt.progress(static_cast<double>(scored) / total))
                throw error(errc::cancelled, method + ": cancelled by the progress callback");
        };
        report();
        while (true) {
            for (std::size_t j = 0; j < k; ++j) w[j] = e.cands[pick[j]];
            auto s = key(e, w);
            if (++scored % 256 == 0) report();
            if (!best || s > *best) {
                best = std::move(s);
                optimal.clear();
                optimal.push_back(w);
            } else if (s == *best)
                optimal.push_back(w);
            // Next combination in lexicographic order.
            std::size_t j = k;
            while (j > 0 && pick[j - 1] == m - k + j - 1) --j;
            if (j == 0) break;
            ++pick[j - 1];
            for (std::size_t i = j; i < k; ++i) pick[i] = pick[i - 1] + 1;
        }
        tie_breaker tb(opt.common.tie_break, cnt.r);
        choose_optimal(cnt, tb, std::move(optimal), "committees", label);
        cnt.r.notes.push_back(describe(*best));
        return finish_as_set(cnt, label, k);
    });
}

void require_unweighted(const profile& p, const std::string& method) {
    if (!p.integral())
        throw error(errc::unsupported, method + " assigns whole voters to members, so it needs unweighted "
                                                "ballots; the profile has weights");
}
} // namespace

result monroe(const profile& p, const exact_committee_options& opt) {
    require_unweighted(p, "monroe");
    return best_committee(
        p, opt, "monroe", "Monroe score",
        [](const auto& e, const std::vector<cand_t>& w) {
            using W = std::decay_t<decltype(e.total)>;
            if constexpr (std::is_same_v<W, std::int64_t>)
                return std::vector<rational>{rational(monroe_score(e, w))};
            else // unreachable: require_unweighted refused weights
                return std::vector<rational>{};
        },
        [](const std::vector<rational>& s) {
            return "Monroe score of the committee: " + to_string(s.at(0)) + " voters satisfied";
        });
}

result minimax_av(const profile& p, const exact_committee_options& opt) {
    return best_committee(
        p, opt, "minimax-av", "minimax-AV score",
        [](const auto& e, const std::vector<cand_t>& w) {
            using W = std::decay_t<decltype(e.total)>;
            std::vector<char> in(e.n, 0);
            for (cand_t c : w) in[c] = 1;
            std::size_t worst = 0;
            for (std::size_t i = 0; i < e.weight.size(); ++i) {
                if (!(e.weight[i] > W{})) continue;
                std::size_t both = 0;
                for (cand_t c : e.approved(i)) both += in[c] ? 1 : 0;
                worst = std::max(worst, e.approved(i).size() + w.size() - 2 * both);
            }
            // Larger keys win: the negated largest distance.
            return std::vector<rational>{rational(-static_cast<std::int64_t>(worst))};
        },
        [](const std::vector<rational>& s) {
            return "largest Hamming distance from a ballot to the committee: " + to_string(-s.at(0));
        });
}

result lex_cc(const profile& p, const exact_committee_options& opt) {
    return best_committee(
        p, opt, "lex-cc", "lex-CC score",
        [](const auto& e, const std::vector<cand_t>& w) {
            std::vector<char> in(e.n, 0);
            for (cand_t c : w) in[c] = 1;
            // at_least[j-1]: weight of the voters approving at least j members.
            std::vector<rational> at_least(w.size(), rational(0));
            for (std::size_t i = 0; i < e.weight.size(); ++i) {
                std::size_t both = 0;
                for (cand_t c : e.approved(i)) both += in[c] ? 1 : 0;
                for (std::size_t j = 0; j < both; ++j) at_least[j] += as_rational(e.weight[i]);
            }
            return at_least;
        },
        [](const std::vector<rational>& s) {
            std::string t = "voters approving at least 1, 2, ... members of the committee: ";
            for (std::size_t j = 0; j < s.size(); ++j) t += (j ? ", " : "") + to_string(s[j]);
            return t;
        });
}

result lex_minimax_av(const profile& p, const exact_committee_options& opt) {
    // Lackner & Skowron (2023), Remark 2: the committee whose distances to the ballots, sorted
    // from largest, are lexicographically smallest. Comparing those sorted vectors is comparing
    // the weight of voters at each distance from the largest possible down, fewer first.
    std::size_t widest = 0;
    for (std::size_t i = 0; i < p.unique_count(); ++i) widest = std::max(widest, p.ballot(i).marks.size());
    const std::size_t top = widest + opt.common.seats;
    return best_committee(
        p, opt, "lex-minimax-av", "lex-minimax-AV score",
        [top](const auto& e, const std::vector<cand_t>& w) {
            std::vector<char> in(e.n, 0);
            for (cand_t c : w) in[c] = 1;
            std::vector<rational> key(top + 1, rational(0)); // key[j]: minus the weight at distance top - j
            for (std::size_t i = 0; i < e.weight.size(); ++i) {
                std::size_t both = 0;
                for (cand_t c : e.approved(i)) both += in[c] ? 1 : 0;
                const std::size_t d = e.approved(i).size() + w.size() - 2 * both;
                key[top - d] -= as_rational(e.weight[i]);
            }
            return key;
        },
        [top](const std::vector<rational>& s) {
            std::string t = "voters at each Hamming distance from the committee, largest first:";
            bool any = false;
            for (std::size_t j = 0; j < s.size(); ++j)
                if (sign(s[j]) != 0) {
                    t += (any ? ", " : " ") + std::string("distance ") + std::to_string(top - j) + ": " +
                         to_string(-s[j]);
                    any = true;
                }
            return t;
        });
}

result adams(const profile& p, const exact_committee_options& opt) {
    return best_committee(
        p, opt, "adams", "Adams score",
        [](const auto& e, const std::vector<cand_t>& w) {
            std::vector<char> in(e.n, 0);
            for (cand_t c : w) in[c] = 1;
            // First the voters covered (CC), then the Thiele score with weights 1, 1, 1/2, 1/3, ...
            rational covered = 0, score = 0;
            for (std::size_t i = 0; i < e.weight.size(); ++i) {
                std::size_t both = 0;
                for (cand_t c : e.approved(i)) both += in[c] ? 1 : 0;
                if (both == 0) continue;
                const rational wt = as_rational(e.weight[i]);
                covered += wt;
                rational s = 1;
                for (std::size_t j = 2; j <= both; ++j) s += rational(1, static_cast<std::int64_t>(j - 1));
                score += wt * s;
            }
            return std::vector<rational>{covered, score};
        },
        [](const std::vector<rational>& s) {
            return "voters covered: " + to_string(s.at(0)) +
                   "; Adams score (1, 1, 1/2, 1/3, ...): " + to_string(s.at(1));
        });
}

result greedy_monroe(const profile& p, const committee_options& opt) {
    const std::string method = "greedy-monroe";
    auto active = active_candidates(p, opt.excluded, method);
    require_unweighted(p, method);
    return with_electorate(p, std::move(active), [&](const auto& e) {
        using W = std::decay_t<decltype(e.total)>;
        check_seats(method, opt.seats, e.cands.size());
        committee_count k(p, e, method);
        tie_breaker tb(opt.tie_break, k.r);
        if constexpr (std::is_same_v<W, std::int64_t>) {
            std::vector<std::int64_t> left = e.weight; // voters of each distinct ballot not yet assigned
            const auto seats = static_cast<std::int64_t>(opt.seats);
            const std::int64_t q = e.total / seats, r = e.total % seats;
            std::vector<std::vector<cand_t>> sets(e.weight.size());
            for (std::size_t i = 0; i < sets.size(); ++i) {
                sets[i].assign(e.approved(i).begin(), e.approved(i).end());
                std::sort(sets[i].begin(), sets[i].end());
            }
            for (std::int64_t t = 0; t < seats; ++t) {
                auto score = [&](cand_t c) -> std::optional<rational> {
                    std::int64_t s = 0;
                    for (std::uint32_t i : e.supporters[c]) s += left[i];
                    return rational(s);
                };
                auto w = k.round(tb, score, false, "tallies: approvals from the voters not yet assigned",
                                 false, true);
                if (!w) break;
                // Monroe's group sizes: the first n mod k groups take one voter more.
                const std::int64_t group = q + (t < r ? 1 : 0);
                // Which supporters: those with the fewest approved candidates still open first
                // (they have the fewest other chances), then by approval set. abcvoting takes the
                // lowest voter numbers instead, which depends on the order of the ballots.
                std::vector<std::uint32_t> sup;
                std::vector<std::size_t> open(e.weight.size(), 0);
                for (std::uint32_t i : e.supporters[*w])
                    if (left[i] > 0) {
                        sup.push_back(i);
                        for (cand_t c : sets[i]) open[i] += k.in[c] ? 0 : 1;
                    }
                std::sort(sup.begin(), sup.end(), [&](std::uint32_t a, std::uint32_t b) {
                    if (open[a] != open[b]) return open[a] < open[b];
                    if (sets[a] != sets[b]) return sets[a] < sets[b];
                    return a < b; // identical approval sets: which one is immaterial
                });
                std::int64_t need = group, assigned = 0;
                for (std::uint32_t i : sup) {
                    const std::int64_t take = std::min(need, left[i]);
                    left[i] -= take;
                    need -= take;
                    assigned += take;
                    if (need == 0) break;
                }
                k.r.rounds.back().note +=
                    "; " + std::to_string(assigned) + " of a group of " + std::to_string(group) +
                    " voters assigned to " + p.candidate_name(*w) +
                    " (supporters with the fewest open approved candidates first, then by "
                    "approval set)";
            }
        }
        return k.finish();
    });
}

// --- budget rules: Phragmén-Eneström and the consensus rule; E Pluribus Hugo ---------------

namespace {
/// The frame of the two budget rules: each round elects the continuing candidate whose
/// supporters with a positive budget hold the most, then `pay` charges those supporters.
template <class Start, class Pay>
result budget_rounds(const profile& p, const committee_options& opt, const std::string& method,
                     const std::string& note, Start&& start, Pay&& pay) {
    auto active = active_candidates(p, opt.excluded, method);
    return with_electorate(p, std::move(active), [&](const auto& e) {
        check_seats(method, opt.seats, e.cands.size());
        committee_count k(p, e, method);
        tie_breaker tb(opt.tie_break, k.r);
        std::vector<rational> budget(e.weight.size(), rational(0));
        const rational total = as_rational(e.total);
        while (k.r.winners.size() < opt.seats) {
            const bool first = k.r.winners.empty();
            for (std::size_t i = 0; i < budget.size(); ++i) start(budget[i], as_rational(e.weight[i]), first);
            auto score = [&](cand_t c) -> std::optional<rational> {
                rational s = 0;
                for (std::uint32_t i : e.supporters[c])
                    if (sign(budget[i]) > 0) s += budget[i];
                return s;
            };
            auto w = k.round(tb, score, false, note, false, true);
            if (!w) break;
            std::vector<std::uint32_t> paying;
            rational support = 0, weight = 0;
            for (std::uint32_t i : e.supporters[*w])
                if (sign(budget[i]) > 0) {
                    paying.push_back(i);
                    support += budget[i];
                    weight += as_rational(e.weight[i]);
                }
            pay(budget, paying, support, weight, total, e);
        }
        return k.finish();
    });
}
} // namespace

result phragmen_enestrom(const profile& p, const committee_options& opt) {
    return budget_rounds(
        p, opt, "phragmen-enestrom",
        "tallies: the budget left to the candidate's supporters (each voter starts with its weight)",
        [](rational& b, const rational& w, bool first) {
            if (first) b = w; // every voter starts with its weight, once
        },
        [&opt](std::vector<rational>& budget, const std::vector<std::uint32_t>& paying,
               const rational& support, const rational&, const rational& total, const auto&) {
            // Janson (2016), section 18.5: a seat costs total / k; supporters who hold more pay
            // it in proportion to their budgets, supporters who hold less spend everything.
            const rational price = total / rational(opt.seats);
            const rational keep = support > price ? rational((support - price) / support) : rational(0);
            for (std::uint32_t i : paying) budget[i] *= keep;
        });
}

result consensus_rule(const profile& p, const committee_options& opt) {
    return budget_rounds(
        p, opt, "consensus",
        "tallies: the budget of the candidate's supporters with a positive budget (each voter gains its "
        "weight every round)",
        [](rational& b, const rational& w, bool) { b += w; },
        [](std::vector<rational>& budget, const std::vector<std::uint32_t>& paying, const rational&,
           const rational& weight, const rational& total, const auto& e) {
            // Lackner (2020), perpetual consensus: the supporters pay the whole electorate's
            // weight, shared in proportion to their weights (a budget may go negative).
            for (std::uint32_t i : paying) budget[i] -= as_rational(e.weight[i]) * total / weight;
        });
}

result eph(const profile& p, const committee_options& opt) {
    const std::string method = "eph";
    auto active = active_candidates(p, opt.excluded, method);
    return with_electorate(p, std::move(active), [&](const auto& e) {
        check_seats(method, opt.seats, e.cands.size());
        committee_count k(p, e, method);
        tie_breaker tb(opt.tie_break, k.r);
        std::vector<char> in(e.n, 0);
        std::size_t left = e.cands.size();
        for (cand_t c : e.cands) in[c] = 1;
        std::vector<std::vector<cand_t>> out_order;
        bool stopped = false;
        std::vector<cand_t> go;
        while (left > opt.seats) {
            // Quinn & Schneier (2016), SDV-LPE: every voter splits its weight equally among the
            // candidates it approves that are still in; the two lowest of these points face
            // elimination, and of those the ones with the fewest approvals go.
            std::vector<rational> sdv(e.n, rational(0)), av(e.n, rational(0));
            for (std::size_t i = 0; i < e.weight.size(); ++i) {
                std::size_t still = 0;
                for (cand_t c : e.approved(i)) still += in[c] ? 1 : 0;
                if (still == 0) continue;
                const rational share = as_rational(e.weight[i]) / rational(still);
                for (cand_t c : e.approved(i))
                    if (in[c]) sdv[c] += share, av[c] += as_rational(e.weight[i]);
            }
            std::vector<rational> values;
            for (cand_t c : e.cands)
                if (in[c]) values.push_back(sdv[c]);
            std::sort(values.begin(), values.end());
            const rational cutoff = values[1]; // second smallest (left >= 2 here)
            std::optional<rational> fewest;
            for (cand_t c : e.cands)
                if (in[c] && sdv[c] <= cutoff && (!fewest || av[c] < *fewest)) fewest = av[c];
            go.clear();
            for (cand_t c : e.cands)
                if (in[c] && sdv[c] <= cutoff && av[c] == *fewest) go.push_back(c);
            round_record rec;
            rec.tallies.assign(e.n, std::nullopt);
            for (cand_t c : e.cands)
                if (in[c]) rec.tallies[c] = sdv[c];
            rec.note =
                "tallies: SDV points (each voter's weight split equally among its candidates still in); "
                "of the two lowest, those with the fewest approvals (" +
                to_string(*fewest) + ") are eliminated";
            const std::size_t number = k.r.rounds.size() + 1;
            // Eliminating all of them must leave at least k: else the tie-breaker chooses which go.
            while (left - go.size() < opt.seats) {
                auto spared =
                    tb.pick_winner(go, number, "elimination: more candidates tied to go than can go");
                if (!spared) {
                    rec.note += "; tie left unresolved, count stopped";
                    stopped = true;
                    break;
                }
                std::erase(go, *spared);
            }
            if (stopped) {
                k.r.rounds.push_back(std::move(rec));
                break;
            }
            rec.eliminated = go;
            k.r.rounds.push_back(std::move(rec));
            for (cand_t c : go) in[c] = 0;
            left -= go.size();
            out_order.push_back(go);
        }
        // Under "report" a stopped count elects only those not among the tied.
        for (cand_t c : e.cands)
            if (in[c] && (!stopped || std::find(go.begin(), go.end(), c) == go.end()))
                k.in[c] = 1, k.r.winners.push_back(c);
        k.r.notes.push_back("winners are listed in candidate order (the committee is what is left)");
        result r = k.finish();
        if (!stopped) {
            r.ranking = {r.winners};
            for (auto it = out_order.rbegin(); it != out_order.rend(); ++it) r.ranking.push_back(*it);
        }
        return r;
    });
}

result seq_phragmen(const profile& p, const committee_options& opt) {
    return sequential(p, opt, "seq-phragmen",
                      [&](const auto& e, committee_count& k, tie_breaker& tb, auto& cl) {
                          cl.start(e, rational(0));
                          phragmen_rounds(e, cl, k, tb, opt.seats, k_phragmen_note);
                      });
}

result equal_shares(const profile& p, const equal_shares_options& opt) {
    const std::size_t seats = opt.common.seats;
    return sequential(
        p, opt.common, "equal-shares", [&](const auto& e, committee_count& k, tie_breaker& tb, auto& cl) {
            if (e.total == decltype(e.total){})
                throw error(errc::invalid, "equal-shares: the profile has no voters");
            const rational budget = rational(seats) / as_rational(e.total);
            k.r.notes.push_back("each voter's budget: " + to_string(budget) +
                                " (seats / voters; a candidate costs 1)");
            cl.start(e, budget);
            const rational one = 1;
            auto cost = [&](cand_t) -> const rational& { return one; };
            auto utility = [&](cand_t) -> const rational& { return one; };
            equal_shares_rounds(e, cl, k, tb, seats, cost, utility, k_mes_note);
            const std::size_t phase1 = k.r.winners.size();
            if (phase1 == seats || !k.r.complete) return;
            if (opt.completion == mes_completion::seq_phragmen) {
                k.r.notes.push_back(
                    std::to_string(seats - phase1) +
                    " seat(s) left after Equal Shares, filled by seq-Phragmén with loads starting at "
                    "minus each voter's budget left");
                cl.revalue([](const rational& b) { return rational(-b); });
                phragmen_rounds(e, cl, k, tb, seats, k_phragmen_note + " [seq-Phragmén completion]");
            } else
                k.r.notes.push_back("no candidate is affordable any more; " + std::to_string(seats - phase1) +
                                    " seat(s) left unfilled (completion \"none\")");
        });
}

namespace {

/// One project of the max-welfare knapsack: its welfare if funded and its cost.
struct knapsack_item {
    cand_t c;
    rational value, cost;
};

/// Every allocation of greatest total value within `budget` (0/1 knapsack), by depth-first
/// branch and bound: items in order of value per unit of cost, "fund" tried before "skip", and a
/// branch cut only when Dantzig's bound (the best fractional completion, the linear relaxation's
/// optimum) is below the best value found, so ties are all kept. Exact rationals throughout.
class welfare_search {
  public:
    welfare_search(std::vector<knapsack_item> items, const budget_options& opt)
        : items_(std::move(items)), opt_(opt) {
        std::stable_sort(items_.begin(), items_.end(), [](const knapsack_item& a, const knapsack_item& b) {
            return a.value * b.cost > b.value * a.cost;
        });
    }

    /// Runs the search; best() and optimal() hold the answer.
    void run() {
        report();
        std::vector<cand_t> chosen;
        visit(0, opt_.budget, rational(0), chosen);
    }
    const rational& best() const { return *best_; }
    const std::vector<std::vector<cand_t>>& optimal() const { return optimal_; }
    std::uint64_t nodes() const { return nodes_; }

  private:
    std::vector<knapsack_item> items_;
    const budget_options& opt_;
    std::optional<rational> best_;
    std::vector<std::vector<cand_t>> optimal_;
    std::uint64_t nodes_ = 0;

    void report() const {
        if (opt_.progress && !opt_.progress(static_cast<double>(nodes_) /
                                            static_cast<double>(std::max<std::uint64_t>(opt_.max_nodes, 1))))
            throw error(errc::cancelled, "budget: max-welfare cancelled by the progress callback");
    }

    rational bound(std::size_t i, rational cap) const {
        rational sum = 0;
        for (; i < items_.size(); ++i) {
            if (items_[i].cost <= cap) {
                cap -= items_[i].cost;
                sum += items_[i].value;
            } else {
                sum += items_[i].value * cap / items_[i].cost;
                break;
            }
        }
        return sum;
    }

    void visit(std::size_t i, const rational& cap, const rational& value, std::vector<cand_t>& chosen) {
        if (++nodes_ > opt_.max_nodes)
            throw error(errc::unsupported, "budget: the exact max-welfare search visited more than " +
                                               std::to_string(opt_.max_nodes) +
                                               " nodes (option 'max_nodes'; " +
                                               std::to_string(items_.size()) + " projects)");
        if (nodes_ % 4096 == 0) report();
        if (i == items_.size()) {
            if (!best_ || value > *best_) {
                best_ = value;
                optimal_.clear();
            }
            if (value == *best_) {
                optimal_.push_back(chosen);
                std::sort(optimal_.back().begin(), optimal_.back().end());
            }
            return;
        }
        if (best_ && value + bound(i, cap) < *best_) return;
        const knapsack_item& it = items_[i];
        if (it.cost <= cap) {
            chosen.push_back(it.c);
            visit(i + 1, cap - it.cost, value + it.value, chosen);
            chosen.pop_back();
        }
        visit(i + 1, cap, value, chosen);
    }
};

/// The smallest possible largest load of the voters when the projects of `w` are paid for in
/// full by their supporters, each voter's share of a project any non-negative amount and its
/// load the total it pays per unit of its weight (the linear programme of maximin support).
/// It equals the largest cost(S) / weight(supporters of S) over nonempty S within w; found
/// exactly by Newton's method on that ratio: z starts at S = w, and while a maximum flow
/// (source -> project: its cost; project -> supporter: unbounded; voter -> sink: z x weight)
/// cannot carry every cost, the projects on the source side of a minimum cut form a set whose
/// ratio exceeds z, and z becomes it. Each step raises z strictly over finitely many ratios.
/// Every project of w must have a supporter of positive weight.
template <class W>
rational min_max_load(const electorate<W>& e, const std::vector<cand_t>& w,
                      const std::vector<rational>& cost) {
    // Voters who approve the same members of w are alike here: one node per such group, with
    // their total weight (a few hundred groups where there are tens of thousands of ballots).
    std::vector<std::uint32_t> local(e.n, UINT32_MAX);
    for (std::size_t j = 0; j < w.size(); ++j) local[w[j]] = static_cast<std::uint32_t>(j);
    std::map<std::vector<std::uint32_t>, W> groups;
    std::vector<char> seen(e.weight.size(), 0);
    std::vector<std::uint32_t> key;
    rational total = 0;
    for (cand_t c : w) {
        total += cost[c];
        for (std::uint32_t i : e.supporters[c]) {
            if (seen[i] || e.weight[i] == W{}) continue;
            seen[i] = 1;
            key.clear();
            for (cand_t a : e.approved(i))
                if (local[a] != UINT32_MAX) key.push_back(local[a]);
            std::sort(key.begin(), key.end());
            groups[key] += e.weight[i];
        }
    }
    std::vector<std::pair<std::vector<std::uint32_t>, rational>> group; // members, weight
    group.reserve(groups.size());
    for (auto& [members, weight] : groups) group.emplace_back(members, as_rational(weight));
    auto ratio = [&](const std::vector<char>& in_s) -> rational {
        rational c = 0, weight = 0;
        for (std::size_t j = 0; j < w.size(); ++j)
            if (in_s[j]) c += cost[w[j]];
        for (const auto& [members, gw] : group)
            if (std::any_of(members.begin(), members.end(), [&](std::uint32_t j) { return in_s[j] != 0; }))
                weight += gw;
        return c / weight;
    };
    rational z = ratio(std::vector<char>(w.size(), 1));
    const rational unbounded = total + 1;
    const auto first_group = static_cast<std::uint32_t>(2 + w.size());
    while (true) {
        basic_max_flow<rational> g(first_group + group.size());
        for (std::size_t j = 0; j < w.size(); ++j) g.add(0, static_cast<std::uint32_t>(2 + j), cost[w[j]]);
        for (std::size_t k = 0; k < group.size(); ++k) {
            const auto node = static_cast<std::uint32_t>(first_group + k);
            for (std::uint32_t j : group[k].first) g.add(2 + j, node, unbounded);
            g.add(node, 1, z * group[k].second);
        }
        if (g.run(0, 1) == total) return z;
        std::vector<char> in_s(w.size(), 0);
        for (std::size_t j = 0; j < w.size(); ++j) in_s[j] = g.level[2 + j] >= 0 ? 1 : 0;
        const rational next = ratio(in_s);
        if (next <= z) throw error(errc::error, "budget: maximin support's load search did not progress");
        z = next;
    }
}

const std::string k_pb_phragmen_note =
    "tallies: the load (money per unit of weight) every supporter would carry if the project were "
    "funded: (its cost + the supporters' loads) / their weight (lowest wins)";
const std::string k_pb_bos_note =
    "tallies: price / alpha, the least over prices of the price per unit of utility divided by the "
    "fraction of the cost the supporters cover at it (lowest wins); absent: unapproved, funded, no "
    "supporter with money left, or no longer fits";
const std::string k_pb_fractional_note =
    "tallies: cost / (utility x weight of the supporters with money left), the price per unit of "
    "utility (lowest wins); absent: wholly funded, no supporter with money left, or its unfunded part "
    "no longer fits";
const std::string k_pb_maximin_note =
    "tallies: the smallest possible largest voter load (money per unit of weight) with the project "
    "funded (lowest wins); absent: unapproved, funded, or no longer fits";

} // namespace

namespace {
const char* cstv_name(cstv_combination c) {
    switch (c) {
    case cstv_combination::ewt:
        return "EwT";
    case cstv_combination::ewtc:
        return "EwTC";
    case cstv_combination::mt:
        return "MT";
    case cstv_combination::mtc:
        return "MTC";
    case cstv_combination::ewts:
        return "EwTS";
    case cstv_combination::mts:
        return "MTS";
    }
    return "?";
}

const char* budget_method_name(budget_method m) {
    switch (m) {
    case budget_method::greedy:
        return "greedy";
    case budget_method::equal_shares:
        return "equal-shares";
    case budget_method::max_welfare:
        return "max-welfare";
    case budget_method::phragmen:
        return "phragmen";
    case budget_method::maximin_support:
        return "maximin-support";
    case budget_method::exact_equal_shares:
        return "exact-equal-shares";
    case budget_method::bos_equal_shares:
        return "bos-equal-shares";
    case budget_method::fractional_equal_shares:
        return "fractional-equal-shares";
    case budget_method::cstv:
        return "cstv";
    }
    return "?";
}

/// Points (score) ballots: which methods count them, and with which utilities.
void check_points_ballots(const profile& p, const budget_options& opt) {
    const bool points = p.kind() == ballot_kind::score;
    const bool uses_utilities =
        opt.method == budget_method::equal_shares || opt.method == budget_method::max_welfare;
    const bool reads_points =
        opt.method == budget_method::greedy || opt.method == budget_method::cstv || uses_utilities;
    if (!points) {
        if (opt.utilities == pb_utilities::points)
            throw error(errc::invalid,
                        "budget: utilities \"points\" needs points (score) ballots, the profile "
                        "holds " +
                            std::string(ballot_kind_name(p.kind())) +
                            " ballots; use \"cost\" or \"approval\"");
        return;
    }
    if (!reads_points)
        throw error(errc::unsupported,
                    std::string("budget: method \"") + budget_method_name(opt.method) +
                        "\" counts approval ballots only; points (score) ballots are "
                        "counted by \"greedy\", \"max-welfare\", \"equal-shares\" and \"cstv\"");
    if (uses_utilities && opt.utilities != pb_utilities::points)
        throw error(errc::invalid, std::string("budget: with points (score) ballots a voter's utility is the "
                                               "points it gives: utilities \"points\", not \"") +
                                       (opt.utilities == pb_utilities::cost ? "cost" : "approval") + "\"");
}
} // namespace

result participatory_budget(const profile& p, const budget_options& opt) {
    check_points_ballots(p, opt);
    auto active = active_candidates(p, opt.excluded, "budget", true);
    if (sign(opt.budget) < 0) throw error(errc::invalid, "budget: option 'budget' must be >= 0");
    if (opt.costs.size() != p.candidate_count())
        throw error(errc::invalid, "budget: option 'costs' must give a cost for every candidate");
    for (cand_t c = 0; c < p.candidate_count(); ++c)
        if (active[c] && sign(opt.costs[c]) <= 0)
            throw error(errc::invalid, "budget: option 'costs': the cost of '" + p.candidate_name(c) +
                                           "' must be > 0, got " + to_string(opt.costs[c]));
    if (opt.completion == pb_completion::add_opt && opt.method != budget_method::exact_equal_shares)
        throw error(errc::invalid,
                    "budget: completion \"add-opt\" is only used with method \"exact-equal-shares\"");
    if (opt.completion == pb_completion::add1 && opt.method != budget_method::equal_shares)
        throw error(errc::invalid, "budget: completion \"add1\" is only used with method \"equal-shares\"");
    if (opt.completion == pb_completion::greedy && opt.method != budget_method::equal_shares &&
        opt.method != budget_method::phragmen)
        throw error(
            errc::invalid,
            "budget: completion \"greedy\" is only used with methods \"equal-shares\" and \"phragmen\"");
    if (opt.method == budget_method::equal_shares && opt.completion == pb_completion::add1 &&
        sign(opt.increment) <= 0)
        throw error(errc::invalid, "budget: option 'increment' must be > 0");
    return with_electorate(p, std::move(active), [&](const auto& e) {
        using W = std::decay_t<decltype(e.total)>;
        const char* name = "budget";
        auto spent = [&](const result& r) {
            rational s = 0;
            for (cand_t c : r.winners) s += opt.costs[c];
            return s;
        };
        // A voter's utility from an approved project: its cost, or 1 (for points ballots the
        // utility is each voter's points, read from the electorate where needed).
        auto utility = [&](cand_t c) -> rational {
            return opt.utilities == pb_utilities::cost ? opt.costs[c] : rational(1);
        };
        const std::string support = e.points ? "points" : "approvals";
        // Equal Shares' starting money: budget / (total weight) for each voter, per unit of weight.
        auto equal_money = [&]() {
            if (e.total == W{}) throw error(errc::invalid, "budget: the profile has no voters");
            return std::vector<rational>(e.weight.size(), opt.budget / as_rational(e.total));
        };
        auto funded_note = [&](result& r) {
            r.notes.push_back("spent " + to_string(spent(r)) + " of " + to_string(opt.budget));
        };
        // Greedy by approvals (points, for points ballots) from what k has funded, with `left` to
        // spend: the greedy method, and the greedy completion of Equal Shares and Phragmén
        // (pabutools' completion_by_rule_combination with greedy_utilitarian_welfare).
        auto greedy_fill = [&](committee_count& k, tie_breaker& tb, rational left, const std::string& tag) {
            std::vector<char> dropped(e.n, 0);
            std::vector<std::string> skipped;
            while (true) {
                // Projects that no longer fit leave for good: the money left only shrinks.
                std::vector<cand_t> gone;
                for (cand_t c : k.continuing())
                    if (!dropped[c] && (opt.costs[c] > left || e.approvals[c] == W{})) {
                        dropped[c] = 1;
                        if (e.approvals[c] != W{}) gone.push_back(c), skipped.push_back(p.candidate_name(c));
                    }
                auto score = [&](cand_t c) -> std::optional<rational> {
                    if (dropped[c]) return std::nullopt;
                    return as_rational(e.approvals[c]);
                };
                const std::size_t before = k.r.rounds.size();
                auto w = k.round(tb, score, false,
                                 "tallies: " + support + " of the projects that still fit (" +
                                     to_string(left) + " left)" + tag,
                                 false, true);
                if (k.r.rounds.size() > before)
                    k.r.rounds.back().eliminated = gone;
                else if (!gone.empty()) {
                    round_record rec;
                    rec.tallies.assign(e.n, std::nullopt);
                    rec.eliminated = gone;
                    rec.note = "no approved project fits the " + to_string(left) + " left" + tag;
                    k.r.rounds.push_back(std::move(rec));
                }
                if (!w) break;
                left -= opt.costs[*w];
            }
            if (!skipped.empty()) {
                std::string list;
                for (const auto& s : skipped) list += (list.empty() ? "" : ", ") + s;
                k.r.notes.push_back("skipped for want of money" + tag + ": " + list);
            }
        };
        auto complete_greedily = [&](committee_count& k, tie_breaker& tb) {
            const std::size_t before = k.r.winners.size();
            greedy_fill(k, tb, opt.budget - spent(k.r), " [greedy completion]");
            k.r.notes.push_back(
                std::string("greedy completion: the money left funds ") +
                (e.points ? "supported projects by points" : "approved projects by approvals") +
                ", most first; " + std::to_string(k.r.winners.size() - before) + " project(s) added");
        };
        if (opt.method == budget_method::greedy) {
            committee_count k(p, e, name);
            tie_breaker tb(opt.tie_break, k.r);
            greedy_fill(k, tb, opt.budget, "");
            k.r.notes.push_back("greedy by " + support +
                                ": a project that no longer fits is skipped; projects nobody " +
                                (e.points ? "gives points are never funded" : "approves are never funded"));
            funded_note(k.r);
            return k.finish();
        }
        if (opt.method == budget_method::max_welfare) {
            // Utilitarian welfare: sum over voters of u(c) for each funded c they approve, u(c) =
            // cost(c) or 1, so a project adds approvals(c) x u(c); for points ballots u is each
            // voter's points, so a project adds the points it was given. Projects nobody supports
            // add nothing and are left out, as greedy leaves them.
            committee_count k(p, e, name);
            std::vector<knapsack_item> items;
            for (cand_t c : e.cands)
                if (e.approvals[c] != W{} && opt.costs[c] <= opt.budget)
                    items.push_back({c,
                                     as_rational(e.approvals[c]) *
                                         (opt.utilities == pb_utilities::cost ? opt.costs[c] : rational(1)),
                                     opt.costs[c]});
            welfare_search search(std::move(items), opt);
            search.run();
            const auto& optimal = search.optimal();
            std::string listed;
            for (std::size_t i = 0; i < optimal.size() && i < 20; ++i) {
                std::string one;
                for (cand_t c : optimal[i]) one += (one.empty() ? "" : ", ") + p.candidate_name(c);
                listed += (listed.empty() ? "{" : "; {") + one + "}";
            }
            if (optimal.size() > 20) listed += "; ...";
            k.r.notes.push_back("greatest welfare " + to_string(search.best()) + " (sum over voters of " +
                                (opt.utilities == pb_utilities::cost     ? std::string("the costs")
                                 : opt.utilities == pb_utilities::points ? std::string("the points they give")
                                                                         : std::string("the number")) +
                                (e.points ? " of the funded projects), reached by "
                                          : " of the funded projects they approve), reached by ") +
                                std::to_string(optimal.size()) + " allocation(s): " + listed + "; " +
                                std::to_string(search.nodes()) + " search nodes");
            tie_breaker tb(opt.tie_break, k.r);
            choose_optimal(k, tb, optimal, "allocations", "welfare");
            funded_note(k.r);
            return finish_as_set(k, "max-welfare", k.r.complete ? k.r.winners.size() : SIZE_MAX);
        }
        if (opt.method == budget_method::phragmen) {
            // Sequential Phragmén with costs (pabutools' sequential_phragmen): loads in money per
            // unit of weight, starting at 0; funding c puts each supporter's load at (cost(c) +
            // the supporters' loads x weight) / their weight. The lowest such load is funded; when
            // a project with the lowest load does not fit the money left, the count stops.
            committee_count k(p, e, name);
            tie_breaker tb(opt.tie_break, k.r);
            classes<W> cl;
            cl.start(e, rational(0));
            rational left = opt.budget;
            auto score = [&](cand_t c) -> std::optional<rational> {
                if (opt.costs[c] > opt.budget) return std::nullopt; // never fits: never takes part
                return phragmen_load(cl, c, opt.costs[c]);
            };
            while (true) {
                std::optional<rational> low;
                std::vector<std::string> over;
                for (cand_t c : k.continuing())
                    if (auto s = score(c); s && (!low || *s <= *low)) {
                        if (!low || *s < *low) over.clear();
                        low = *s;
                        if (opt.costs[c] > left) over.push_back(p.candidate_name(c));
                    }
                if (!low) break;
                if (!over.empty()) {
                    std::string list;
                    for (const auto& s : over) list += (list.empty() ? "" : ", ") + s;
                    k.r.notes.push_back("stopped: the lowest new load, " + to_string(*low) + ", is that of " +
                                        list + ", which does not fit the " + to_string(left) + " left");
                    break;
                }
                auto w = k.round(tb, score, true, k_pb_phragmen_note, false, false);
                if (!w) break;
                left -= opt.costs[*w];
                cl.move_supporters(e, *w, [&](const rational&) { return *low; });
            }
            if (opt.completion == pb_completion::greedy) complete_greedily(k, tb);
            funded_note(k.r);
            return k.finish();
        }
        if (opt.method == budget_method::maximin_support) {
            committee_count k(p, e, name);
            tie_breaker tb(opt.tie_break, k.r);
            rational left = opt.budget;
            std::vector<cand_t> funded;
            auto score = [&](cand_t c) -> std::optional<rational> {
                if (e.approvals[c] == W{} || opt.costs[c] > left) return std::nullopt;
                funded.push_back(c);
                rational z = min_max_load(e, funded, opt.costs);
                funded.pop_back();
                return z;
            };
            while (auto w = k.round(tb, score, true, k_pb_maximin_note, false, false)) {
                funded.push_back(*w);
                left -= opt.costs[*w];
            }
            funded_note(k.r);
            return k.finish();
        }
        if (opt.method == budget_method::bos_equal_shares) {
            // BOS Equal Shares. Each voter has money[i] per unit of weight. For a project c that
            // fits the money left, paying lambda per unit of utility each (capped by what they
            // have) its supporters collect T(lambda); alpha = min(1, T / cost) is the fraction
            // they cover. The project with the least lambda / alpha^2 (price / alpha, price =
            // lambda / alpha) over all lambda is funded in full; its supporters pay the price per
            // unit of utility, capped by their money, and the rest is overspent. Within a stretch
            // where the same supporters are capped, lambda / T(lambda)^2 rises then falls, so the
            // least value is at a point where a supporter becomes capped or at T = cost.
            committee_count k(p, e, name);
            tie_breaker tb(opt.tie_break, k.r);
            std::vector<rational> money = equal_money();
            rational left = opt.budget;
            struct offer {
                rational score, price, alpha;
            };
            auto best_offer = [&](cand_t c) -> std::optional<offer> {
                if (opt.costs[c] > left) return std::nullopt;
                std::vector<std::pair<rational, rational>> sup; // (money, weight), poorest first
                rational rest = 0;
                for (std::uint32_t i : e.supporters[c])
                    if (e.weight[i] != W{} && sign(money[i]) > 0) {
                        sup.emplace_back(money[i], as_rational(e.weight[i]));
                        rest += sup.back().second;
                    }
                if (sup.empty()) return std::nullopt;
                std::sort(sup.begin(), sup.end(),
                          [](const auto& a, const auto& b) { return a.first < b.first; });
                const rational& cost = opt.costs[c];
                const rational u = utility(c);
                std::optional<offer> best;
                auto consider = [&](const rational& lambda, const rational& alpha) {
                    rational s = lambda / (alpha * alpha);
                    if (!best || s < best->score) best = offer{std::move(s), rational(lambda / alpha), alpha};
                };
                rational capped = 0; // money of the supporters poorer than the breakpoint
                for (std::size_t j = 0; j < sup.size();) {
                    const rational m = sup[j].first;
                    const rational collected = capped + m * rest; // T(m / u)
                    if (collected >= cost) {
                        consider(rational((cost - capped) / (u * rest)), rational(1));
                        return best;
                    }
                    consider(rational(m / u), rational(collected / cost));
                    for (; j < sup.size() && sup[j].first == m; ++j) {
                        capped += sup[j].first * sup[j].second;
                        rest -= sup[j].second;
                    }
                }
                return best;
            };
            auto score = [&](cand_t c) -> std::optional<rational> {
                auto o = best_offer(c);
                if (!o) return std::nullopt;
                return std::move(o->score);
            };
            while (auto w = k.round(tb, score, true, k_pb_bos_note, false, false)) {
                const offer o = *best_offer(*w); // `left` and the money are still the round's
                const rational u = utility(*w);
                rational paid = 0;
                for (std::uint32_t i : e.supporters[*w]) {
                    if (e.weight[i] == W{}) continue;
                    const rational pay = std::min(money[i], rational(o.price * u));
                    money[i] -= pay;
                    paid += pay * as_rational(e.weight[i]);
                }
                left -= opt.costs[*w];
                k.r.rounds.back().note += "; funded " + p.candidate_name(*w) + ": alpha " +
                                          to_string(o.alpha) + ", price per unit of utility " +
                                          to_string(o.price) + ", supporters paid " + to_string(paid) +
                                          ", overspent " + to_string(rational(opt.costs[*w] - paid));
            }
            funded_note(k.r);
            return k.finish();
        }
        if (opt.method == budget_method::fractional_equal_shares) {
            // Fractional Equal Shares. Each round, among the projects not wholly funded whose
            // unfunded part fits the money not yet spent, the one of least price per unit of
            // utility cost(c) / (u(c) x weight of its supporters with money left) gains the
            // largest fraction those supporters can pay in equal shares (the poorest runs out, or
            // the project is whole); each pays fraction x cost(c) / their weight.
            committee_count k(p, e, name);
            tie_breaker tb(opt.tie_break, k.r);
            std::vector<rational> money = equal_money();
            std::vector<rational> part(e.n, rational(0));
            rational spent_f = 0;
            // Weight of c's supporters with money left, and the least of their money.
            auto payers = [&](cand_t c) {
                rational weight = 0;
                std::optional<rational> poorest;
                for (std::uint32_t i : e.supporters[c])
                    if (e.weight[i] != W{} && sign(money[i]) > 0) {
                        weight += as_rational(e.weight[i]);
                        if (!poorest || money[i] < *poorest) poorest = money[i];
                    }
                return std::make_pair(weight, poorest);
            };
            while (true) {
                round_record rec;
                rec.tallies.assign(e.n, std::nullopt);
                std::vector<cand_t> tied;
                std::optional<rational> best;
                for (cand_t c : e.cands) {
                    if (part[c] == 1 || spent_f + opt.costs[c] * (1 - part[c]) > opt.budget) continue;
                    auto [weight, poorest] = payers(c);
                    if (!poorest) continue;
                    rational s = opt.costs[c] / (utility(c) * weight);
                    if (!best || s < *best) {
                        best = s;
                        tied = {c};
                    } else if (s == *best)
                        tied.push_back(c);
                    rec.tallies[c] = std::move(s);
                }
                if (tied.empty()) break;
                const std::size_t number = k.r.rounds.size() + 1;
                std::string note = k_pb_fractional_note;
                const auto w = tb.pick_winner(tied, number, "election");
                if (!w) {
                    rec.note = note + "; tie left unresolved, count stopped";
                    k.r.rounds.push_back(std::move(rec));
                    break;
                }
                auto [weight, poorest] = payers(*w);
                const rational fraction =
                    std::min(rational(1 - part[*w]), rational(*poorest * weight / opt.costs[*w]));
                const rational share = fraction * opt.costs[*w] / weight;
                for (std::uint32_t i : e.supporters[*w])
                    if (e.weight[i] != W{} && sign(money[i]) > 0) money[i] -= share;
                part[*w] += fraction;
                spent_f += fraction * opt.costs[*w];
                rec.elected = {*w};
                if (!k.in[*w]) {
                    k.in[*w] = 1;
                    k.r.winners.push_back(*w);
                }
                rec.note = note + "; " + p.candidate_name(*w) + " gains " + to_string(fraction) + " (now " +
                           to_string(part[*w]) + "), each supporter with money left paying " +
                           to_string(share);
                k.r.rounds.push_back(std::move(rec));
            }
            std::string fractions;
            for (cand_t c : k.r.winners)
                fractions += (fractions.empty() ? "" : ", ") + p.candidate_name(c) + " " + to_string(part[c]);
            k.r.notes.push_back("fractions funded: " + (fractions.empty() ? std::string("none") : fractions));
            for (cand_t c : e.cands) k.r.scores[c] = part[c];
            k.r.score_name = "fraction funded";
            k.r.notes.push_back("spent " + to_string(spent_f) + " of " + to_string(opt.budget) +
                                " (the funded fractions of the costs)");
            return k.finish();
        }
        if (opt.method == budget_method::cstv) {
            // CSTV (Cumulative Support Transfer Voting; Skowron, Slinko, Szufa & Talmon), with
            // approval ballots read as cumulative ones: each voter donates its equal share of the
            // budget, budget / n per unit of weight, split equally among the projects it approves.
            // Every transfer scales all of a ballot's other donations by one factor, so between
            // events a distinct ballot gives the same amount to each project it approves that is
            // neither funded nor eliminated (under elimination with transfers), and that amount
            // per unit of weight depends only on the ballot's history: how many projects it still
            // gave to at each event. Ballots with the same history form a group sharing one
            // rational, unit[g], and give weight x unit[g]; an event moves a group's ballots to new
            // groups by that count, one rational computed per new group. exc[i] holds the rare
            // donations that differ (the project a minimal transfer raised, the one a donor gives
            // everything); a ballot holding one is moved alone. Supports are summed once per event,
            // per group: sum of unit[g] x (weight of g's ballots giving to the project).
            const rational per_voter = equal_money().front();
            const bool by_excess = opt.cstv == cstv_combination::ewt || opt.cstv == cstv_combination::mt;
            const bool by_ratio = opt.cstv == cstv_combination::ewtc || opt.cstv == cstv_combination::mtc;
            const bool transfers = opt.cstv == cstv_combination::mt || opt.cstv == cstv_combination::mtc ||
                                   opt.cstv == cstv_combination::mts;
            committee_count k(p, e, name);
            tie_breaker tb(opt.tie_break, k.r);
            const std::size_t nb = e.weight.size();
            std::vector<rational> unit{rational(0)}; // group 0 gives nothing
            std::vector<std::size_t> grp(nb, 0);
            std::vector<std::vector<std::pair<cand_t, rational>>> exc(nb);
            std::vector<char> gone(e.n, 0); // no donation to it is left (funded, or eliminated by EwT)
            {
                // Points ballots donate the share in proportion to their points: a ballot whose
                // points differ holds every donation as an exception (group 0, moved alone); one
                // giving equal points to its projects donates as an approval ballot.
                std::vector<std::vector<std::pair<cand_t, std::int64_t>>> points_of_ballot;
                if (e.points) {
                    points_of_ballot.resize(nb);
                    for (cand_t c : e.cands)
                        for (std::size_t j = 0; j < e.supporters[c].size(); ++j)
                            points_of_ballot[e.supporters[c][j]].emplace_back(c, e.points_of(c, j));
                }
                std::map<std::size_t, std::size_t> by_size;
                for (std::size_t i = 0; i < nb; ++i) {
                    const auto a = e.approved(i);
                    if (e.weight[i] == W{} || a.empty()) continue;
                    if (e.points) {
                        const auto& pts = points_of_ballot[i];
                        const bool equal = std::all_of(
                            pts.begin(), pts.end(), [&](const auto& x) { return x.second == pts[0].second; });
                        if (!equal) {
                            std::int64_t sum = 0;
                            for (const auto& x : pts) sum += x.second;
                            const rational share = as_rational(e.weight[i]) * per_voter / rational(sum);
                            for (const auto& [c, v] : pts)
                                exc[i].emplace_back(c, rational(share * rational(v)));
                            continue;
                        }
                    }
                    auto [it, fresh] = by_size.try_emplace(a.size(), unit.size());
                    if (fresh) unit.push_back(per_voter / rational(a.size()));
                    grp[i] = it->second;
                }
            }
            std::vector<rational> wt(nb);
            for (std::size_t i = 0; i < nb; ++i) wt[i] = as_rational(e.weight[i]);
            auto regular = [&](std::size_t i) -> rational { return rational(wt[i] * unit[grp[i]]); };
            // Ballot i's donation to c (c one of the projects it approves).
            auto donation = [&](std::size_t i, cand_t c) -> rational {
                if (gone[c]) return rational(0);
                for (const auto& [j, v] : exc[i])
                    if (j == c) return v;
                return regular(i);
            };
            // How many projects ballot i gives its regular amount to (live, no exception).
            auto live = [&](std::size_t i) {
                std::size_t n = 0;
                for (cand_t c : e.approved(i))
                    if (!gone[c]) ++n;
                for (const auto& ex : exc[i])
                    if (!gone[ex.first]) --n;
                return n;
            };
            auto given = [&](std::size_t i) -> rational {
                rational s = 0;
                for (const auto& [j, v] : exc[i])
                    if (!gone[j]) s += v;
                const std::size_t n = live(i);
                if (n && sign(unit[grp[i]]) != 0) s += regular(i) * rational(n);
                return s;
            };
            // Ballot i (one with exceptions) moves alone: its donations other than to `from`
            // (whose own the caller sets) grow from `others` to `others` + `amount`, in proportion.
            auto spread_alone = [&](std::size_t i, cand_t from, const rational& others,
                                    const rational& amount) {
                if (sign(others) <= 0) return;
                const rational f = (others + amount) / others;
                unit.push_back(unit[grp[i]] * f);
                grp[i] = unit.size() - 1;
                for (auto& [j, v] : exc[i])
                    if (j != from) v *= f;
            };
            // The regular ballots of one event: group g with n live projects moves to the group
            // moves[(g, n)], whose unit is unit[g] x factor(n).
            std::map<std::pair<std::size_t, std::size_t>, std::size_t> moves;
            auto move = [&](std::size_t i, std::size_t n, const auto& factor) {
                auto [it, fresh] = moves.try_emplace({grp[i], n}, unit.size());
                if (fresh) unit.push_back(rational(unit[grp[i]] * factor(n)));
                grp[i] = it->second;
            };
            auto set_donation = [&](std::size_t i, cand_t c, rational v) {
                for (auto& [j, w] : exc[i])
                    if (j == c) {
                        w = std::move(v);
                        return;
                    }
                exc[i].emplace_back(c, std::move(v));
            };
            auto drop = [&](cand_t c) { // c leaves: no donation to it is left
                gone[c] = 1;
                for (std::uint32_t i : e.supporters[c])
                    std::erase_if(exc[i], [&](const auto& ex) { return ex.first == c; });
            };
            std::vector<rational> supp(e.n, rational(0));
            auto refresh = [&]() {
                for (rational& s : supp) s = 0;
                std::vector<std::size_t> slot(unit.size(), SIZE_MAX);
                std::vector<std::size_t> used;
                std::vector<W> sums; // per used group and project: the weight giving to it
                for (std::size_t i = 0; i < nb; ++i) {
                    for (const auto& [j, v] : exc[i])
                        if (!gone[j] && sign(v) > 0) supp[j] += v;
                    if (sign(unit[grp[i]]) == 0) continue;
                    if (slot[grp[i]] == SIZE_MAX) {
                        slot[grp[i]] = used.size();
                        used.push_back(grp[i]);
                        sums.resize(sums.size() + e.n, W{});
                    }
                    W* row = sums.data() + slot[grp[i]] * e.n;
                    for (cand_t c : e.approved(i)) {
                        if (gone[c]) continue;
                        bool special = false;
                        for (const auto& ex : exc[i]) special = special || ex.first == c;
                        if (!special) row[c] += e.weight[i];
                    }
                }
                if constexpr (std::is_same_v<W, std::int64_t>) {
                    // Over one common denominator: integer sums, one reduction per project.
                    // Groups made in one event mostly share a denominator: each distinct one
                    // is divided once.
                    std::sort(used.begin(), used.end(), [&](std::size_t a, std::size_t b) {
                        return denominator(unit[a]) < denominator(unit[b]);
                    });
                    big_int den = 1;
                    for (std::size_t s = 0; s < used.size(); ++s) {
                        const big_int& d = denominator(unit[used[s]]);
                        if ((s == 0 || d != denominator(unit[used[s - 1]])) && den % d != 0)
                            den = lcm(den, d);
                    }
                    std::vector<big_int> num(used.size());
                    big_int q;
                    for (std::size_t s = 0; s < used.size(); ++s) {
                        const big_int& d = denominator(unit[used[s]]);
                        if (s == 0 || d != denominator(unit[used[s - 1]])) q = den / d;
                        num[s] = numerator(unit[used[s]]) * q;
                    }
                    std::vector<big_int> total(e.n, big_int(0));
                    for (std::size_t s = 0; s < used.size(); ++s)
                        for (cand_t c = 0; c < e.n; ++c)
                            if (const W w = sums[slot[used[s]] * e.n + c]; w != 0) total[c] += num[s] * w;
                    for (cand_t c = 0; c < e.n; ++c)
                        if (total[c] != 0) supp[c] += rational(total[c], den);
                } else {
                    for (std::size_t s = 0; s < used.size(); ++s)
                        for (cand_t c = 0; c < e.n; ++c)
                            if (sums[s * e.n + c] != W{})
                                supp[c] += unit[used[s]] * as_rational(sums[s * e.n + c]);
                }
            };
            refresh();
            // The selection measure: excess support (EwT, MT), support over cost (EwTC, MTC) or
            // support (EwTS, MTS); the highest is funded, the lowest eliminated.
            auto measure = [&](cand_t c) -> rational {
                if (by_excess) return supp[c] - opt.costs[c];
                if (by_ratio) return supp[c] / opt.costs[c];
                return supp[c];
            };
            std::vector<char> current(e.n, 0);
            for (cand_t c : e.cands) current[c] = 1;
            std::vector<cand_t> eliminated;
            rational left = opt.budget;
            const std::string tag = std::string(" [") + cstv_name(opt.cstv) + "]";
            auto record = [&](round_record rec) { k.r.rounds.push_back(std::move(rec)); };
            auto tallies = [&](const std::vector<cand_t>& pool) {
                std::vector<std::optional<rational>> t(e.n, std::nullopt);
                for (cand_t c : pool) t[c] = measure(c);
                return t;
            };
            // Picks the best (or worst) of `pool` by the measure; nullopt if a tie is left unbroken.
            auto pick = [&](const std::vector<cand_t>& pool, bool best,
                            const char* purpose) -> std::optional<cand_t> {
                std::vector<cand_t> tied;
                std::optional<rational> top;
                for (cand_t c : pool) {
                    const rational m = measure(c);
                    if (!top || (best ? m > *top : m < *top)) {
                        top = m;
                        tied = {c};
                    } else if (m == *top)
                        tied.push_back(c);
                }
                const std::size_t number = k.r.rounds.size() + 1;
                return best ? tb.pick_winner(tied, number, purpose) : tb.pick_loser(tied, number, purpose);
            };
            auto fund = [&](cand_t c, std::string note) {
                round_record rec;
                rec.tallies.assign(e.n, std::nullopt);
                rec.elected = {c};
                rec.note = std::move(note);
                record(std::move(rec));
                k.in[c] = 1;
                k.r.winners.push_back(c);
                left -= opt.costs[c];
            };
            auto pool_of = [&]() {
                std::vector<cand_t> v;
                for (cand_t c : e.cands)
                    if (current[c]) v.push_back(c);
                return v;
            };
            bool stopped = false; // a tie left unresolved (report)
            // Elimination with transfers: the worst project leaves and each of its donors' donation
            // to it moves to the donor's other projects in proportion. False when none is left.
            auto eliminate_with_transfers = [&]() -> bool {
                const auto pool = pool_of();
                if (pool.size() < 2) {
                    for (cand_t c : pool) {
                        current[c] = 0;
                        eliminated.push_back(c);
                    }
                    return false;
                }
                round_record rec;
                rec.tallies = tallies(pool);
                const auto m = pick(pool, false, "elimination");
                if (!m) {
                    stopped = true;
                    return false;
                }
                moves.clear();
                for (std::uint32_t i : e.supporters[*m]) {
                    const rational t = donation(i, *m);
                    if (sign(t) <= 0) continue;
                    if (exc[i].empty()) {
                        // n equal donations, one moving to the n - 1 others: each grows by n / (n - 1).
                        const std::size_t n = live(i);
                        if (n > 1) move(i, n, [](std::size_t q) { return rational(q) / rational(q - 1); });
                    } else
                        spread_alone(i, *m, rational(given(i) - t), t);
                }
                drop(*m);
                refresh();
                current[*m] = 0;
                eliminated.push_back(*m);
                rec.eliminated = {*m};
                rec.note =
                    "no project has the support of its cost: the lowest is eliminated and its donations "
                    "move to its donors' other projects" +
                    tag;
                record(std::move(rec));
                return true;
            };
            // Minimal transfer: projects whose donors cannot pay them even with all they give are
            // eliminated; the best project left is raised to its cost by moving to it the least
            // from its donors' other projects (each donor's donation to it grows by the same
            // factor, a donor who cannot keep up giving it everything).
            auto minimal_transfer = [&]() -> bool {
                round_record rec;
                rec.tallies = tallies(pool_of());
                for (cand_t c : pool_of()) {
                    // All its donors give: per group, unit x (weight x live projects) summed.
                    rational can = 0;
                    std::map<std::size_t, W> per_group;
                    for (std::uint32_t i : e.supporters[c]) {
                        if (sign(donation(i, c)) <= 0) continue;
                        if (exc[i].empty())
                            per_group[grp[i]] +=
                                e.weight[i] * static_cast<W>(static_cast<std::int64_t>(live(i)));
                        else
                            can += given(i);
                    }
                    for (const auto& [g, w] : per_group) can += unit[g] * as_rational(w);
                    if (can < opt.costs[c]) {
                        current[c] = 0;
                        eliminated.push_back(c);
                        rec.eliminated.push_back(c);
                    }
                }
                const auto pool = pool_of();
                if (pool.empty()) {
                    if (!rec.eliminated.empty()) {
                        rec.note = "no project left that its donors could pay" + tag;
                        record(std::move(rec));
                    }
                    return false;
                }
                const auto c = pick(pool, true, "minimal transfer");
                if (!c) {
                    stopped = true;
                    return false;
                }
                std::vector<std::uint32_t> donors;
                std::vector<rational> dc, all; // their donations to c, and all they give
                for (std::uint32_t i : e.supporters[*c]) {
                    rational v = donation(i, *c);
                    if (sign(v) <= 0) continue;
                    donors.push_back(i);
                    all.push_back(given(i));
                    dc.push_back(std::move(v));
                }
                rational cost = opt.costs[*c];
                // A donor whose donation, scaled to cover the cost, would exceed all it gives gives
                // it all; the rest scale to cover what is left.
                for (bool changed = true; changed;) {
                    changed = false;
                    rational has = 0;
                    for (const rational& v : dc) has += v;
                    for (std::size_t j = 0; j < donors.size(); ++j) {
                        if (dc[j] * cost > all[j] * has) {
                            const std::size_t i = donors[j];
                            grp[i] = 0;
                            exc[i].clear();
                            exc[i].emplace_back(*c, all[j]);
                            cost -= all[j];
                            const auto at = static_cast<std::ptrdiff_t>(j);
                            donors.erase(donors.begin() + at);
                            dc.erase(dc.begin() + at);
                            all.erase(all.begin() + at);
                            changed = true;
                            break;
                        }
                    }
                }
                rational has = 0;
                for (const rational& v : dc) has += v;
                if (sign(cost) > 0 && sign(has) > 0) {
                    const rational factor = cost / has;
                    moves.clear();
                    for (std::size_t j = 0; j < donors.size(); ++j) {
                        const std::size_t i = donors[j];
                        if (exc[i].empty()) {
                            // n equal donations, one growing by `factor` from the n - 1 others.
                            const std::size_t n = live(i);
                            if (n > 1)
                                move(i, n, [&](std::size_t q) -> rational {
                                    return (rational(q) - factor) / rational(q - 1);
                                });
                        } else
                            spread_alone(i, *c, rational(all[j] - dc[j]), rational(-(factor - 1) * dc[j]));
                        set_donation(i, *c, rational(dc[j] * factor));
                    }
                }
                refresh();
                rec.note = "no project has the support of its cost: " + p.candidate_name(*c) +
                           " gets the least transfer that covers it" + tag;
                record(std::move(rec));
                return true;
            };
            while (!stopped) {
                auto pool = pool_of();
                if (pool.empty()) break;
                std::vector<cand_t> eligible;
                for (cand_t c : pool)
                    if (supp[c] >= opt.costs[c]) eligible.push_back(c);
                bool go_on = true;
                while (eligible.empty() && go_on) {
                    go_on = transfers ? minimal_transfer() : eliminate_with_transfers();
                    for (cand_t c : pool_of())
                        if (supp[c] >= opt.costs[c]) eligible.push_back(c);
                }
                if (eligible.empty() || stopped) break;
                auto tl = tallies(eligible);
                const auto w = pick(eligible, true, "election");
                if (!w) break;
                const rational excess = supp[*w] - opt.costs[*w];
                current[*w] = 0;
                fund(*w, "tallies: the selection measure of the projects whose support reaches their cost "
                         "(highest "
                         "funded); excess support " +
                             to_string(excess) + " moves on" + tag);
                k.r.rounds.back().tallies = std::move(tl);
                if (sign(excess) > 0) {
                    // Donors who give to nothing else spend all; the others keep the fraction
                    // gamma of their donation on the project and move the rest on.
                    rational rest_support = supp[*w], rest_cost = opt.costs[*w];
                    std::map<std::size_t, W> alone; // per group, the weight giving to w alone
                    for (std::uint32_t i : e.supporters[*w]) {
                        const rational dw = donation(i, *w);
                        if (sign(dw) <= 0) continue;
                        if (exc[i].empty()) {
                            if (live(i) == 1) alone[grp[i]] += e.weight[i];
                        } else if (given(i) == dw) {
                            rest_support -= dw;
                            rest_cost -= dw;
                        }
                    }
                    for (const auto& [g, wsum] : alone) {
                        const rational part = unit[g] * as_rational(wsum);
                        rest_support -= part;
                        rest_cost -= part;
                    }
                    const rational gamma =
                        sign(rest_cost) > 0 ? rational(rest_cost / rest_support) : rational(0);
                    moves.clear();
                    for (std::uint32_t i : e.supporters[*w]) {
                        const rational dw = donation(i, *w);
                        if (sign(dw) <= 0) continue;
                        if (exc[i].empty()) {
                            // n equal donations, one keeping gamma and moving the rest to the n - 1
                            // others: each grows by (n - gamma) / (n - 1).
                            const std::size_t n = live(i);
                            if (n > 1)
                                move(i, n, [&](std::size_t q) -> rational {
                                    return (rational(q) - gamma) / rational(q - 1);
                                });
                        } else
                            spread_alone(i, *w, rational(given(i) - dw), rational(dw * (1 - gamma)));
                    }
                }
                drop(*w);
                refresh();
            }
            if (!stopped) {
                if (!transfers) {
                    // Reverse elimination: the eliminated projects, last eliminated first, while they fit.
                    for (auto it = eliminated.rbegin(); it != eliminated.rend(); ++it)
                        if (opt.costs[*it] <= left)
                            fund(*it, "reverse elimination: funded as it fits the " + to_string(left) +
                                          " left" + tag);
                } else {
                    // Acceptance of under-supported projects: the best eliminated project by the
                    // measure, while any is left; funded if it fits, its donors' donations then spent.
                    while (!eliminated.empty()) {
                        const auto s = pick(eliminated, true, "acceptance");
                        if (!s) break;
                        if (opt.costs[*s] <= left) {
                            fund(*s, "acceptance of under-supported projects: funded as it fits the " +
                                         to_string(left) + " left" + tag);
                            for (std::uint32_t i : e.supporters[*s])
                                if (sign(donation(i, *s)) > 0) {
                                    grp[i] = 0;
                                    exc[i].clear();
                                }
                            refresh();
                        }
                        eliminated.erase(std::find(eliminated.begin(), eliminated.end(), *s));
                    }
                }
            }
            funded_note(k.r);
            return k.finish();
        }
        if (opt.method == budget_method::exact_equal_shares) {
            if (e.total == W{}) throw error(errc::invalid, "budget: the profile has no voters");
            // Exact Equal Shares (Kraiczy, Robinson & Elkind 2025, Algorithm 1). Each voter has
            // `per_voter` per unit of weight and has paid paid[i] so far. For a project c, drop its
            // poorest supporter while it cannot pay the equal share cost(c) / (weight of those
            // left); the project's score is (weight left) x u(c) / cost(c), the highest is funded
            // and each of those supporters pays the share. Every comparison that failed is a
            // threshold of the per-voter budget (share + paid) above which it would succeed: the
            // least of them is the next budget at which the outcome can change.
            auto attempt = [&](const rational& per_voter, std::optional<rational>& next) {
                committee_count k(p, e, name);
                tie_breaker tb(opt.tie_break, k.r);
                std::vector<rational> paid(e.weight.size(), rational(0));
                // The supporters who pay for c (poorest dropped first) and their weight.
                auto payers = [&](cand_t c, bool record) {
                    std::vector<std::uint32_t> v;
                    for (std::uint32_t i : e.supporters[c])
                        if (e.weight[i] != W{}) v.push_back(i);
                    std::sort(v.begin(), v.end(), [&](auto a, auto b) { return paid[a] > paid[b]; });
                    rational weight = 0;
                    for (std::uint32_t i : v) weight += as_rational(e.weight[i]);
                    std::size_t first = 0;
                    while (first < v.size()) {
                        const rational threshold = opt.costs[c] / weight + paid[v[first]];
                        if (threshold <= per_voter) break;
                        if (record && (!next || threshold < *next)) next = threshold;
                        weight -= as_rational(e.weight[v[first]]);
                        ++first;
                    }
                    v.erase(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(first));
                    return std::make_pair(std::move(v), weight);
                };
                auto score = [&](cand_t c) -> std::optional<rational> {
                    if (e.approvals[c] == W{}) return std::nullopt;
                    auto [v, weight] = payers(c, true);
                    if (v.empty()) return std::nullopt;
                    return rational(weight * utility(c) / opt.costs[c]);
                };
                while (auto w =
                           k.round(tb, score, false,
                                   "tallies: the weight of the supporters who can all pay an equal share, "
                                   "x utility / cost (highest wins)",
                                   false, false)) {
                    auto [v, weight] = payers(*w, false);
                    const rational share = opt.costs[*w] / weight;
                    for (std::uint32_t i : v) paid[i] += share;
                }
                k.r.notes.push_back("each voter's budget: " + to_string(per_voter) +
                                    " (per unit of ballot weight)");
                return k.finish();
            };
            const rational base = opt.budget / as_rational(e.total);
            std::optional<rational> next;
            result best = attempt(base, next);
            if (opt.completion == pb_completion::add_opt) {
                rational best_cost = spent(best);
                constexpr std::size_t k_max_runs = 100'000;
                std::size_t runs = 0;
                std::optional<rational> adopted;
                while (next && runs < k_max_runs) {
                    ++runs;
                    const rational per_voter = *next;
                    next.reset();
                    result r = attempt(per_voter, next);
                    const rational cost = spent(r);
                    if (cost <= opt.budget && cost > best_cost) {
                        best = std::move(r);
                        best_cost = cost;
                        adopted = per_voter;
                    }
                }
                if (next)
                    throw error(errc::unsupported, "budget: the add-opt completion needed more than " +
                                                       std::to_string(k_max_runs) + " reruns");
                best.notes.push_back(
                    "add-opt completion: rerun at each per-voter budget where the outcome can change (" +
                    std::to_string(runs) + " rerun(s)), keeping the costliest outcome within the budget" +
                    (adopted ? "; adopted at " + to_string(*adopted) + " per unit of weight"
                             : std::string()));
            }
            best.method = name;
            funded_note(best);
            return best;
        }
        if (e.total == W{}) throw error(errc::invalid, "budget: the profile has no voters");
        // Equal Shares with costs; utilities cost(c) or 1 per approved project, or the points.
        auto cost = [&](cand_t c) -> const rational& { return opt.costs[c]; };
        const rational base = opt.budget / as_rational(e.total);
        auto attempt = [&](const rational& per_voter) {
            committee_count k(p, e, name);
            tie_breaker tb(opt.tie_break, k.r);
            if (e.points) {
                equal_shares_points_rounds(e, per_voter, k, tb, opt.costs);
            } else {
                classes<W> cl;
                cl.start(e, per_voter);
                equal_shares_rounds(e, cl, k, tb, e.n, cost, utility,
                                    opt.utilities == pb_utilities::cost
                                        ? k_mes_note + " [per unit of utility = cost]"
                                        : k_mes_note);
            }
            k.r.notes.push_back("each voter's budget: " + to_string(per_voter) +
                                " (per unit of ballot weight)");
            return k.finish();
        };
        result best = attempt(base);
        if (opt.completion == pb_completion::add1) {
            std::size_t supported = 0;
            for (cand_t c : e.cands)
                if (e.approvals[c] != W{}) ++supported;
            constexpr std::size_t k_max_raises = 100'000;
            std::size_t raises = 0;
            while (best.winners.size() < supported && raises < k_max_raises) {
                ++raises;
                result next = attempt(base + opt.increment * rational(raises));
                if (spent(next) > opt.budget) break;
                best = std::move(next);
            }
            best.notes.push_back("add1 completion: each voter's budget raised by " +
                                 to_string(opt.increment) + " at a time while the outcome fits the budget; " +
                                 std::to_string(raises) + " raise(s) tried");
            if (raises == k_max_raises)
                best.notes.push_back("add1 completion stopped after the limit of raises");
        }
        best.method = name;
        if (opt.completion == pb_completion::greedy) {
            committee_count k(p, e, name);
            k.r = std::move(best);
            for (cand_t c : k.r.winners) k.in[c] = 1;
            tie_breaker tb(opt.tie_break, k.r);
            complete_greedily(k, tb);
            best = k.finish();
        }
        funded_note(best);
        return best;
    });
}

// --- Phragmén's optimisation rules: minimax- and leximax-Phragmén, maximin support ---------

namespace {

void check_phragmen_members(const std::string& method, std::size_t k) {
    if (k > k_phragmen_max_members)
        throw error(errc::unsupported,
                    method + ": the exact loads are found over the 2^k sets of members, up to k = " +
                        std::to_string(k_phragmen_max_members) + "; " + std::to_string(k) + " asked");
}

/// The leximax loads of committee `w` (phragmen_loads in the header). A level: over the members
/// left, the set S with the largest |S| / (weight of the voters left approving a member of S),
/// the largest such S on a tie (it holds every other); those voters carry S at that load, and
/// S and they leave. The weight of the voters approving a member of S is read off a zeta
/// transform over subsets, so a level costs 2^r x r additions for r members left. With
/// `first_only`, only levels[0] is found (minimax-Phragmén, maximin support) and ballot_load is
/// left empty.
template <class W>
phragmen_loads leximax_loads(const electorate<W>& e, const std::vector<cand_t>& w, bool first_only) {
    const std::size_t k = w.size();
    std::vector<std::uint32_t> bit(e.n, UINT32_MAX);
    for (std::size_t j = 0; j < k; ++j) bit[w[j]] = static_cast<std::uint32_t>(j);
    // Voters grouped by the members they approve; only a positive weight carries load.
    std::vector<std::uint32_t> mask_of(e.weight.size(), 0);
    std::map<std::uint32_t, rational> group;
    rational total = 0;
    std::uint32_t supported = 0;
    for (std::size_t i = 0; i < e.weight.size(); ++i) {
        const rational wt = as_rational(e.weight[i]);
        total += wt;
        if (sign(wt) <= 0) continue;
        std::uint32_t m = 0;
        for (cand_t c : e.approved(i))
            if (bit[c] != UINT32_MAX) m |= 1U << bit[c];
        mask_of[i] = m;
        if (m == 0) continue;
        group[m] += wt;
        supported |= m;
    }
    phragmen_loads out;
    out.unsupported = k - static_cast<std::size_t>(std::popcount(supported));
    std::map<std::uint32_t, rational> load_of; // group -> its load, once carried
    std::uint32_t left = supported;
    rational carried = 0;
    while (left != 0) {
        std::vector<std::uint32_t> pos; // the members left, renumbered 0 .. r-1
        for (std::uint32_t b = 0; b < k; ++b)
            if ((left >> b) & 1U) pos.push_back(b);
        const std::size_t r = pos.size();
        const std::uint32_t full = (1U << r) - 1U;
        // below[x]: weight of the voters left whose members left all lie in x.
        std::vector<rational> below(std::size_t{1} << r, rational(0));
        rational rest = 0;
        for (const auto& [m, wt] : group) {
            if (load_of.count(m)) continue;
            std::uint32_t x = 0;
            for (std::size_t j = 0; j < r; ++j)
                if ((m >> pos[j]) & 1U) x |= 1U << j;
            below[x] += wt;
            rest += wt;
        }
        for (std::size_t j = 0; j < r; ++j)
            for (std::uint32_t x = 0; x <= full; ++x)
                if ((x >> j) & 1U) below[x] += below[x ^ (1U << j)];
        std::optional<rational> best;
        std::uint32_t best_set = 0;
        for (std::uint32_t s = 1; s <= full; ++s) {
            const rational cover = rest - below[full ^ s];
            if (sign(cover) <= 0)
                throw error(errc::error,
                            "internal error: a Phragmén load level left a member with no supporter");
            const rational ratio = rational(std::popcount(s)) / cover;
            if (!best || ratio > *best || (ratio == *best && std::popcount(s) > std::popcount(best_set))) {
                best = ratio;
                best_set = s;
            }
        }
        std::uint32_t members = 0;
        for (std::size_t j = 0; j < r; ++j)
            if ((best_set >> j) & 1U) members |= 1U << pos[j];
        // The largest densest set is unique, so the next level is strictly lower.
        if (!out.levels.empty() && !(*best < out.levels.back().first))
            throw error(errc::error, "internal error: Phragmén load levels are not decreasing");
        rational at = 0;
        for (const auto& [m, wt] : group)
            if (!load_of.count(m) && (m & members) != 0) {
                load_of.emplace(m, *best);
                at += wt;
            }
        carried += at;
        out.levels.emplace_back(*best, at);
        if (first_only) return out;
        left &= ~members;
    }
    if (total > carried) out.levels.emplace_back(rational(0), total - carried);
    out.ballot_load.assign(e.weight.size(), rational(0));
    for (std::size_t i = 0; i < e.weight.size(); ++i)
        if (auto it = load_of.find(mask_of[i]); it != load_of.end()) out.ballot_load[i] = it->second;
    return out;
}

rational supported_members(std::size_t k, const phragmen_loads& l) {
    return rational(static_cast<std::int64_t>(k - l.unsupported));
}

std::string unsupported_note(std::size_t k, const rational& supported) {
    const rational none = rational(static_cast<std::int64_t>(k)) - supported;
    return sign(none) == 0 ? std::string()
                           : "; " + to_string(none) +
                                 " member(s) approved by nobody (fewer candidates are approved than seats)";
}

const std::string k_mms_note =
    "tallies: the maximin support value of the committee with the candidate added, "
    "1 / its largest Phragmén load (highest wins; 0 when a member has no "
    "supporter)";
} // namespace

phragmen_loads phragmen_leximax_loads(const profile& p, const std::vector<cand_t>& committee) {
    const std::string method = "phragmen_leximax_loads";
    auto active = active_candidates(p, {}, method);
    std::vector<char> seen(p.candidate_count(), 0);
    for (cand_t c : committee) {
        if (c >= p.candidate_count()) throw error(errc::invalid, method + ": candidate index out of range");
        if (seen[c])
            throw error(errc::invalid, method + ": candidate '" + p.candidate_name(c) + "' given twice");
        seen[c] = 1;
    }
    check_phragmen_members(method, committee.size());
    if (p.integral())
        return leximax_loads(read_electorate<std::int64_t>(p, std::move(active)), committee, false);
    return leximax_loads(read_electorate<rational>(p, std::move(active)), committee, false);
}

result minimax_phragmen(const profile& p, const exact_committee_options& opt) {
    // Lackner & Skowron (2023), chapter 2 and Example 2.10; abcvoting's "minimaxphragmen": committees whose
    // members all have a supporter, else (fewer approved candidates than seats) those holding
    // every approved one; the smallest largest load wins.
    const std::size_t k = opt.common.seats;
    check_phragmen_members("minimax-phragmen", k);
    return best_committee(
        p, opt, "minimax-phragmen", "largest voter load",
        [k](const auto& e, const std::vector<cand_t>& w) {
            const auto l = leximax_loads(e, w, true);
            return std::vector<rational>{supported_members(k, l),
                                         l.levels.empty() ? rational(0) : rational(-l.levels[0].first)};
        },
        [k](const std::vector<rational>& s) {
            return "largest voter load of the committee: " + to_string(-s.at(1)) +
                   " (each member's unit of load split among its supporters, per unit of weight)" +
                   unsupported_note(k, s.at(0));
        });
}

result leximax_phragmen(const profile& p, const exact_committee_options& opt) {
    // Brill, Freeman, Janson & Lackner, "Phragmén's voting methods and justified representation":
    // the sorted load vector, largest first, lexicographically smallest. The key: supported
    // members, then for each level minus its load and minus its weight (at an equal load, less
    // weight carrying it is better), load 0 included so that every key covers all voters.
    const std::size_t k = opt.common.seats;
    check_phragmen_members("leximax-phragmen", k);
    return best_committee(
        p, opt, "leximax-phragmen", "sorted voter loads",
        [k](const auto& e, const std::vector<cand_t>& w) {
            const auto l = leximax_loads(e, w, false);
            std::vector<rational> key{supported_members(k, l)};
            for (const auto& [load, weight] : l.levels) {
                key.emplace_back(-load);
                key.emplace_back(-weight);
            }
            return key;
        },
        [k](const std::vector<rational>& s) {
            std::string t = "voter loads of the committee, largest first:";
            for (std::size_t j = 1; j + 1 < s.size(); j += 2)
                t += (j > 1 ? ", " : " ") + to_string(-s[j]) + " (voters' weight " + to_string(-s[j + 1]) +
                     ")";
            return t + unsupported_note(k, s.at(0));
        });
}

result maximin_support(const profile& p, const committee_options& opt) {
    // Sánchez-Fernández, Fernández, Fisteus & Brill (2021), "The maximin support method";
    // abcvoting's "maximin-support". The support value of W is the largest s such that each
    // voter can split its weight among its members in W giving every member at least s; by
    // duality (Hall's theorem) it is min over S of (weight approving a member of S) / |S|, that is
    // 1 / the largest minimax-Phragmén load of W.
    check_phragmen_members("maximin-support", opt.seats);
    return sequential(p, opt, "maximin-support",
                      [&](const auto& e, committee_count& k, tie_breaker& tb, auto&) {
                          while (k.r.winners.size() < opt.seats) {
                              std::vector<cand_t> w = k.r.winners;
                              w.push_back(0);
                              auto score = [&](cand_t c) -> std::optional<rational> {
                                  w.back() = c;
                                  const auto l = leximax_loads(e, w, true);
                                  if (l.unsupported > 0 || l.levels.empty()) return rational(0);
                                  return rational(1) / l.levels[0].first;
                              };
                              if (!k.round(tb, score, false, k_mms_note, false, true)) break;
                          }
                      });
}

namespace detail {
namespace {
committee_options read_committee(option_reader& o) {
    committee_options c;
    o.require("seats", o.method() + ": option 'seats' is required (the committee size, an integer >= 1)");
    const auto s = o.get<std::int64_t>("seats");
    if (!s || *s < 1) throw error(errc::invalid, o.method() + ": option 'seats' must be an integer >= 1");
    c.seats = static_cast<std::size_t>(*s);
    c.excluded = o.candidates("excluded");
    c.tie_break = o.tie_break(c.tie_break);
    return c;
}

/// The named value of `key`, or `def` when absent (nullopt: no default, none listed).
template <class E>
std::optional<E> optional_choice(option_reader& o, const std::string& key,
                                 std::initializer_list<std::pair<const char*, E>> values,
                                 std::optional<E> def = std::nullopt) {
    std::vector<std::string> names;
    std::optional<std::string> def_name;
    for (const auto& value : values) {
        names.emplace_back(value.first);
        if (def && value.second == *def) def_name = value.first;
    }
    const auto v = o.choice(key, names, def_name);
    if (!v) return def;
    std::string list;
    for (const auto& [name, e] : values) {
        if (*v == name) return e;
        list += (list.empty() ? "\"" : ", \"") + std::string(name) + "\"";
    }
    throw error(errc::invalid,
                o.method() + ": option '" + key + "' must be one of " + list + ", got '" + *v + "'");
}

template <class E>
E choice(option_reader& o, const std::string& key, std::initializer_list<std::pair<const char*, E>> values,
         E def) {
    return *optional_choice(o, key, values, std::optional<E>(def));
}
} // namespace

result run_pav(const profile& p, option_reader& o) {
    pav_options opt;
    opt.common = read_committee(o);
    if (auto v = o.get<std::uint64_t>("max_committees", opt.max_committees)) opt.max_committees = *v;
    o.finish();
    return pav(p, opt);
}
result run_seq_pav(const profile& p, option_reader& o) {
    auto c = read_committee(o);
    o.finish();
    return seq_pav(p, c);
}
result run_sav(const profile& p, option_reader& o) {
    auto c = read_committee(o);
    o.finish();
    return sav(p, c);
}
namespace {
thiele_options read_thiele(option_reader& o, thiele_rule rule, bool exact) {
    thiele_options t;
    t.common = read_committee(o);
    t.rule = rule;
    if (rule == thiele_rule::geometric)
        if (auto v = o.get<std::uint64_t>("base", t.base)) t.base = *v;
    if (exact)
        if (auto v = o.get<std::uint64_t>("max_committees", t.max_committees)) t.max_committees = *v;
    o.finish();
    return t;
}
} // namespace
result run_av(const profile& p, option_reader& o) {
    return thiele(p, read_thiele(o, thiele_rule::av, false));
}
result run_cc(const profile& p, option_reader& o) { return thiele(p, read_thiele(o, thiele_rule::cc, true)); }
result run_slav(const profile& p, option_reader& o) {
    return thiele(p, read_thiele(o, thiele_rule::slav, true));
}
result run_geometric(const profile& p, option_reader& o) {
    return thiele(p, read_thiele(o, thiele_rule::geometric, true));
}
result run_seq_cc(const profile& p, option_reader& o) {
    return seq_thiele(p, read_thiele(o, thiele_rule::cc, false));
}
result run_seq_slav(const profile& p, option_reader& o) {
    return seq_thiele(p, read_thiele(o, thiele_rule::slav, false));
}
result run_revseq_pav(const profile& p, option_reader& o) {
    return revseq_thiele(p, read_thiele(o, thiele_rule::pav, false));
}
result run_revseq_cc(const profile& p, option_reader& o) {
    return revseq_thiele(p, read_thiele(o, thiele_rule::cc, false));
}
result run_seq_phragmen(const profile& p, option_reader& o) {
    auto c = read_committee(o);
    o.finish();
    return seq_phragmen(p, c);
}
namespace {
/// The options of a rule that takes nothing but the committee's (seats, excluded, ties).
committee_options read_only_committee(option_reader& o) {
    auto c = read_committee(o);
    o.finish();
    return c;
}
exact_committee_options read_exact(option_reader& o) {
    exact_committee_options x;
    x.progress = o.progress;
    x.common = read_committee(o);
    if (auto v = o.get<std::uint64_t>("max_committees", x.max_committees)) x.max_committees = *v;
    o.finish();
    return x;
}
} // namespace
result run_monroe(const profile& p, option_reader& o) { return monroe(p, read_exact(o)); }
result run_minimax_av(const profile& p, option_reader& o) { return minimax_av(p, read_exact(o)); }
result run_lex_cc(const profile& p, option_reader& o) { return lex_cc(p, read_exact(o)); }
result run_phragmen_enestrom(const profile& p, option_reader& o) {
    return phragmen_enestrom(p, read_only_committee(o));
}
result run_consensus(const profile& p, option_reader& o) { return consensus_rule(p, read_only_committee(o)); }
result run_eph(const profile& p, option_reader& o) { return eph(p, read_only_committee(o)); }
result run_lex_minimax_av(const profile& p, option_reader& o) { return lex_minimax_av(p, read_exact(o)); }
result run_adams(const profile& p, option_reader& o) { return adams(p, read_exact(o)); }
result run_minimax_phragmen(const profile& p, option_reader& o) { return minimax_phragmen(p, read_exact(o)); }
result run_leximax_phragmen(const profile& p, option_reader& o) { return leximax_phragmen(p, read_exact(o)); }
result run_maximin_support(const profile& p, option_reader& o) {
    return maximin_support(p, read_only_committee(o));
}
result run_greedy_monroe(const profile& p, option_reader& o) {
    return greedy_monroe(p, read_only_committee(o));
}
result run_equal_shares(const profile& p, option_reader& o) {
    equal_shares_options opt;
    opt.common = read_committee(o);
    opt.completion = choice(o, "completion",
                            {{"seq-phragmen", mes_completion::seq_phragmen}, {"none", mes_completion::none}},
                            opt.completion);
    o.finish();
    return equal_shares(p, opt);
}
result run_budget(const profile& p, option_reader& o) {
    budget_options opt;
    opt.method = choice(o, "method",
                        {{"greedy", budget_method::greedy},
                         {"equal-shares", budget_method::equal_shares},
                         {"max-welfare", budget_method::max_welfare},
                         {"phragmen", budget_method::phragmen},
                         {"maximin-support", budget_method::maximin_support},
                         {"exact-equal-shares", budget_method::exact_equal_shares},
                         {"bos-equal-shares", budget_method::bos_equal_shares},
                         {"fractional-equal-shares", budget_method::fractional_equal_shares},
                         {"cstv", budget_method::cstv}},
                        opt.method);
    // A Pabulib file gives the budget and the costs (profile::budget, profile::costs), as a BLT
    // file gives the seats: the options, when given, win.
    const bool file_budget = p.budget.has_value() && !o.has("budget");
    if (!p.budget)
        o.require("budget",
                  "budget: option 'budget' is required (the money available: an integer or an exact "
                  "number as a string, e.g. \"1250.50\"), unless the file gives it (Pabulib)");
    opt.budget = read_rational_option(o, "budget", opt.budget);
    if (file_budget) opt.budget = *p.budget;
    if (sign(opt.budget) < 0)
        throw error(errc::invalid, "budget: option 'budget' must be >= 0, got " + to_string(opt.budget));
    const bool file_costs = p.costs.size() == p.candidate_count() && p.candidate_count() > 0;
    if (!file_costs)
        o.require("costs", "budget: option 'costs' is required (an object: candidate name -> cost), unless "
                           "the file gives them (Pabulib)");
    o.describe("costs", "object");
    auto costs = o.get<nlohmann::json>("costs");
    if (!costs && file_costs) costs = nlohmann::json::object();
    if (!costs || !costs->is_object())
        throw error(errc::invalid, "budget: option 'costs' must be an object: candidate name -> cost");
    opt.excluded = o.candidates("excluded");
    std::vector<std::optional<rational>> given(p.candidate_count());
    if (file_costs)
        for (cand_t c = 0; c < p.candidate_count(); ++c) given[c] = p.costs[c];
    const std::size_t from_options = costs->size();
    for (auto it = costs->begin(); it != costs->end(); ++it) {
        const auto c = p.find_candidate(it.key());
        if (!c)
            throw error(errc::not_found, "budget: option 'costs' names unknown candidate '" + it.key() + "'");
        const auto v = exact_number(it.value());
        if (!v)
            throw error(errc::invalid, "budget: option 'costs': the cost of '" + it.key() +
                                           "' must be an integer or an exact number as a string, got " +
                                           detail::json_excerpt(it.value()));
        given[*c] = *v;
    }
    std::vector<char> excluded(p.candidate_count(), 0);
    for (cand_t c : opt.excluded) excluded[c] = 1;
    opt.costs.assign(p.candidate_count(), rational(0));
    for (cand_t c = 0; c < p.candidate_count(); ++c) {
        if (given[c])
            opt.costs[c] = *given[c];
        else if (!excluded[c] && !p.withdrawn(c))
            throw error(errc::invalid,
                        "budget: option 'costs' has no cost for candidate '" + p.candidate_name(c) + "'");
    }
    const bool mes = opt.method == budget_method::equal_shares;
    const bool welfare = opt.method == budget_method::max_welfare;
    const bool phragmen = opt.method == budget_method::phragmen;
    const bool ees = opt.method == budget_method::exact_equal_shares;
    const bool bos = opt.method == budget_method::bos_equal_shares;
    const bool fractional = opt.method == budget_method::fractional_equal_shares;
    if (!mes && !phragmen && !ees && o.has("completion"))
        throw error(errc::invalid, "budget: option 'completion' is only used with methods \"equal-shares\", "
                                   "\"exact-equal-shares\" and \"phragmen\"");
    for (const char* key : {"increment"})
        if (!mes && o.has(key))
            throw error(errc::invalid,
                        std::string("budget: option '") + key + "' applies to method \"equal-shares\" only");
    if (!mes && !welfare && !ees && !bos && !fractional && o.has("utilities"))
        throw error(errc::invalid,
                    "budget: option 'utilities' is only used with methods \"equal-shares\", "
                    "\"exact-equal-shares\", \"bos-equal-shares\", \"fractional-equal-shares\" "
                    "and \"max-welfare\"");
    if (auto v = o.get<std::uint64_t>("max_nodes", opt.max_nodes)) {
        if (!welfare)
            throw error(errc::invalid, "budget: option 'max_nodes' is only used with method \"max-welfare\"");
        opt.max_nodes = *v;
    }
    opt.progress = o.progress;
    // The default depends on the ballots: "cost" for approval ballots, "points" (their only
    // reading) for points ballots; so the listing shows no single default.
    opt.utilities = optional_choice<pb_utilities>(o, "utilities",
                                                  {{"cost", pb_utilities::cost},
                                                   {"approval", pb_utilities::approval},
                                                   {"points", pb_utilities::points}})
                        .value_or(p.kind() == ballot_kind::score ? pb_utilities::points : opt.utilities);
    // Which completion goes with which method is checked by participatory_budget().
    opt.completion = choice(o, "completion",
                            {{"none", pb_completion::none},
                             {"add1", pb_completion::add1},
                             {"greedy", pb_completion::greedy},
                             {"add-opt", pb_completion::add_opt}},
                            opt.completion);
    opt.increment = read_rational_option(o, "increment", opt.increment);
    if (o.has("increment") && opt.completion != pb_completion::add1)
        throw error(errc::invalid, "budget: option 'increment' needs completion \"add1\"");
    opt.cstv = choice(o, "combination",
                      {{"ewt", cstv_combination::ewt},
                       {"ewtc", cstv_combination::ewtc},
                       {"mt", cstv_combination::mt},
                       {"mtc", cstv_combination::mtc},
                       {"ewts", cstv_combination::ewts},
                       {"mts", cstv_combination::mts}},
                      opt.cstv);
    if (opt.method != budget_method::cstv && o.get<nlohmann::json>("combination"))
        throw error(errc::invalid, "budget: option 'combination' is only used with method \"cstv\"");
    opt.tie_break = o.tie_break(opt.tie_break);
    o.finish();
    result r = participatory_budget(p, opt);
    std::vector<std::string> from_file;
    if (file_budget) from_file.push_back("the budget " + to_string(opt.budget));
    if (file_costs && from_options < p.candidate_count())
        from_file.push_back(from_options ? "the costs option 'costs' does not give" : "the costs");
    if (!from_file.empty())
        r.notes.push_back("from the file: " + from_file.front() +
                          (from_file.size() > 1 ? " and " + from_file.back() : std::string()));
    return r;
}
} // namespace detail

} // namespace v0
} // namespace accord
