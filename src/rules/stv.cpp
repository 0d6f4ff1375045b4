// The single transferable vote: Scottish STV, WIGM, Meek, and RCTab's multi-seat rules.
//
// Stage structure, rounding and tie rules follow the sources named in docs/methods/stv.md; the
// Scottish and WIGM counts reproduce the Droop package's reference reports stage by stage (see
// tests/stv_test.cpp). Arithmetic is a policy: exact rationals, or fixed-point decimals held as
// scaled 64-bit integers with 128-bit intermediates and explicit rounding, which is exactly the
// arithmetic the Scottish Order prescribes (five decimal places, remainders ignored).
#include "accord/rules/stv.hpp"

#include "ballot_walker.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <numeric>

namespace accord {
inline namespace v0 {

const char* stv_variant_name(stv_variant v) noexcept {
    switch (v) {
    case stv_variant::scottish:
        return "scottish";
    case stv_variant::wigm:
        return "wigm";
    case stv_variant::meek:
        return "meek";
    case stv_variant::gregory:
        return "gregory";
    case stv_variant::whole:
        return "whole";
    case stv_variant::rctab:
        return "rctab";
    }
    return "scottish";
}

stv_variant parse_stv_variant(std::string_view n) {
    if (n == "scottish" || n == "scotland") return stv_variant::scottish;
    if (n == "wigm") return stv_variant::wigm;
    if (n == "meek") return stv_variant::meek;
    if (n == "gregory" || n == "ers97") return stv_variant::gregory;
    if (n == "whole") return stv_variant::whole;
    if (n == "rctab") return stv_variant::rctab;
    throw error(errc::invalid, "stv: unknown variant '" + std::string(n) +
                                   "' (scottish, wigm, meek, gregory, whole, rctab)");
}

namespace {
using namespace detail;

// ---------------------------------------------------------------------------------------------
// Arithmetic policies.

struct exact_arith {
    using T = rational;
    static constexpr bool exact = true;
    T from_count(std::uint64_t n) const { return T(n); }
    T from_rational(const rational& r) const { return r; }
    T mul_count(const T& v, std::uint64_t n) const { return v * T(n); }
    T muldiv_down(const T& a, const T& b, const T& c) const { return a * b / c; }
    T mul_down(const T& a, const T& b) const { return a * b; }
    T mul_up(const T& a, const T& b) const { return a * b; }
    T div_up(const T& a, const T& b) const { return a / b; }
    T div_down(const T& a, const T& b) const { return a / b; }
    T epsilon() const { return T(0); }
    T one() const { return T(1); }
    rational to_rational(const T& v) const { return v; }
};

// Non-negative decimals with `places` digits after the point, as integers scaled by 10^places.
// Every product or quotient is formed exactly in 128 bits and then rounded as asked.
struct fixed_arith {
    using T = std::int64_t;
    static constexpr bool exact = false;
    unsigned places;
    std::int64_t scale;
    explicit fixed_arith(unsigned p) : places(p), scale(1) {
        if (p > 15) throw error(errc::invalid, "stv: at most 15 decimal places in fixed-point arithmetic");
        for (unsigned i = 0; i < p; ++i) scale *= 10;
    }
    static T narrow(int128 v) {
        if (v > std::numeric_limits<std::int64_t>::max() / 4 ||
            v < -(std::numeric_limits<std::int64_t>::max() / 4))
            throw error(errc::overflow,
                        "stv: a value does not fit the fixed-point arithmetic; use exact arithmetic");
        return static_cast<T>(v);
    }
    T from_count(std::uint64_t n) const { return narrow(static_cast<int128>(n) * scale); }
    T from_rational(const rational& r) const {
        const rational s = r * scale;
        if (boost::multiprecision::denominator(s) != 1)
            throw error(errc::invalid, "stv: ballot weight " + to_string(r) + " is not exact at " +
                                           std::to_string(places) + " decimal places");
        const big_int v = boost::multiprecision::numerator(s);
        if (v > big_int(std::numeric_limits<std::int64_t>::max() / 4))
            throw error(errc::overflow, "stv: ballot weight too large for fixed-point arithmetic");
        return v.convert_to<std::int64_t>();
    }
    T mul_count(T v, std::uint64_t n) const {
        return narrow(static_cast<int128>(v) * static_cast<int128>(n));
    }
    T muldiv_down(T a, T b, T c) const { return narrow(static_cast<int128>(a) * b / c); }
    T mul_down(T a, T b) const { return narrow(static_cast<int128>(a) * b / scale); }
    T mul_up(T a, T b) const {
        const int128 p = static_cast<int128>(a) * b;
        return narrow((p + scale - 1) / scale);
    }
    T div_up(T a, T b) const {
        const int128 p = static_cast<int128>(a) * scale;
        return narrow((p + b - 1) / b);
    }
    T div_down(T a, T b) const { return narrow(static_cast<int128>(a) * scale / b); }
    T epsilon() const { return 1; }
    T one() const { return scale; }
    rational to_rational(T v) const { return rational(big_int(v), big_int(scale)); }
};

// ---------------------------------------------------------------------------------------------
// Papers as strict preference sequences (withdrawn and excluded candidates dropped; an equal
// ranking ends the paper, or is skipped under skip_to_next).

struct papers {
    std::vector<cand_t> seq;
    std::vector<std::uint32_t> off{0};
    std::vector<std::uint64_t> count;
    std::vector<rational> weights; // per paper; empty when every paper weighs 1
    rational weight(std::size_t g) const { return weights.empty() ? rational(1) : weights[g]; }
};

papers strict_papers(const profile& p, const stv_options& opt) {
    // One pass over the flat marks (sorted by rank), without allocating per ballot: a rank
    // holding one countable candidate not seen before extends the paper; an overvote mark, a
    // repeat, withdrawn and excluded candidates are dropped, as tiers_of() does.
    papers out;
    const std::size_t n = p.candidate_count();
    std::vector<char> skip(n, 0);
    for (cand_t c = 0; c < n; ++c) skip[c] = p.withdrawn(c) ? 1 : 0;
    std::vector<char> ignore = skip; // withdrawn: gone from the ballot (not an equal ranking)
    for (cand_t c : opt.ballots.excluded) skip.at(c) = 1;
    std::vector<std::uint32_t> seen(n, 0);
    std::uint32_t stamp = 0;
    const auto marks = p.flat_marks();
    const auto off = p.flat_offsets();
    const auto counts = p.counts();
    out.seq.reserve(marks.size());
    out.count.reserve(p.unique_count());
    const bool weighted = !p.integral();
    if (weighted) out.weights.reserve(p.unique_count());
    for (std::size_t i = 0; i < p.unique_count(); ++i) {
        ++stamp;
        std::uint32_t j = off[i];
        const std::uint32_t end = off[i + 1];
        while (j < end) {
            const std::int32_t r = marks[j].value;
            cand_t only = k_overvote;
            std::size_t in = 0;
            for (; j < end && marks[j].value == r; ++j) {
                const cand_t c = marks[j].candidate;
                if (c == k_overvote || ignore[c] || seen[c] == stamp) continue;
                seen[c] = stamp;
                if (skip[c]) continue;
                only = c;
                ++in;
            }
            if (in == 0) continue;
            if (in > 1) {
                if (opt.ballots.overvotes == overvote_rule::skip_to_next) continue;
                break;
            }
            out.seq.push_back(only);
        }
        out.off.push_back(static_cast<std::uint32_t>(out.seq.size()));
        out.count.push_back(counts[i]);
        if (weighted) {
            const auto* w = p.ballot(i).weight;
            out.weights.push_back(w ? *w : rational(1));
        }
    }
    return out;
}

enum class cstate : std::uint8_t { hopeful, pending, elected, defeated, out };

template <class A> unsigned places_of(const A& a) {
    if constexpr (A::exact)
        return 0;
    else
        return a.places;
}

result fresh_result(const profile& p) {
    result r;
    r.method = "stv";
    r.candidates = p.candidate_names();
    return r;
}

std::size_t seats_of(const profile& p, const stv_options& opt) {
    const std::size_t s = opt.seats ? opt.seats : p.seats;
    if (s == 0) throw error(errc::invalid, "stv: seats must be at least 1");
    // More seats than candidates cannot be filled, and a huge count made the quota divide by
    // seats + 1 == 0 (issue 14: SIGFPE in meek and rctab, "Division by zero." elsewhere).
    if (s > p.candidate_count())
        throw error(errc::invalid, "stv: option 'seats' (" + std::to_string(s) +
                                       ") must be at most the number of candidates (" +
                                       std::to_string(p.candidate_count()) + ")");
    return s;
}

void check_ranking(const profile& p) {
    if (p.kind() != ballot_kind::ranking)
        throw error(errc::unsupported, std::string("stv needs ranking ballots, the profile holds ") +
                                           ballot_kind_name(p.kind()) + " ballots");
}

// What both counts share: the inputs, the papers, the result with its tie-breaker, and the
// candidates' states with the queries both ask of them.
struct count_base {
    const profile& p_;
    const stv_options& opt_;
    std::size_t n_, seats_;
    papers pp_;
    result res_;
    tie_breaker tb_;
    std::vector<cstate> st_;

    count_base(const profile& p, const stv_options& opt)
        : p_(p), opt_(opt), n_(p.candidate_count()), seats_(seats_of(p, opt)), pp_(strict_papers(p, opt)),
          res_(fresh_result(p)), tb_(opt.ballots.tie_break, res_), st_(n_, cstate::hopeful) {
        for (cand_t c = 0; c < n_; ++c)
            if (p.withdrawn(c)) st_[c] = cstate::out;
        for (cand_t c : opt.ballots.excluded) st_.at(c) = cstate::out;
    }
    std::size_t count_state(cstate s) const {
        return static_cast<std::size_t>(std::count(st_.begin(), st_.end(), s));
    }
    std::vector<cand_t> in_state(cstate s) const {
        std::vector<cand_t> v;
        for (cand_t c = 0; c < st_.size(); ++c)
            if (st_[c] == s) v.push_back(c);
        return v;
    }
};

// Final ranking: the elected in order of election, then the rest from last excluded to first.
void finish_ranking(result& res, const std::vector<cand_t>& defeated_order, const std::vector<cstate>& st) {
    for (cand_t c : res.winners) res.ranking.push_back({c});
    for (auto it = defeated_order.rbegin(); it != defeated_order.rend(); ++it) res.ranking.push_back({*it});
    for (cand_t c = 0; c < st.size(); ++c)
        if (st[c] == cstate::hopeful) res.ranking.push_back({c});
}

// ---------------------------------------------------------------------------------------------
// Scottish STV and WIGM (Droop's flavours of the weighted inclusive Gregory method).

template <class A> class gregory_count : count_base {
  public:
    using T = typename A::T;
    gregory_count(const profile& p, const stv_options& opt, A a) : count_base(p, opt), a_(a) {
        scottish_ = opt.variant == stv_variant::scottish;
        whole_ = opt.variant == stv_variant::whole;
        last_parcel_ = opt.variant == stv_variant::gregory || whole_;
        parcel_from_.assign(n_, 0);
        mark_.assign(n_, 0);
        vote_.assign(n_, T(0));
        pile_.resize(n_);
        exhausted_ = T(0);
        lost_ = T(0);
    }

    result run() {
        const std::size_t m = pp_.count.size();
        big_int total_papers = 0;
        pos_.resize(m);
        val_.resize(m);
        end_.assign(pp_.off.begin() + 1, pp_.off.end());
        start_.assign(pp_.off.begin(), pp_.off.end() - 1);
        count_ = pp_.count;
        T total(0);
        for (std::size_t g = 0; g < m; ++g) {
            total_papers += pp_.count[g];
            val_[g] = pp_.weights.empty() ? a_.one() : a_.from_rational(pp_.weights[g]);
            pos_[g] = pp_.off[g];
            const T v = a_.mul_count(val_[g], pp_.count[g]);
            total += v;
            if (pos_[g] == end_[g]) {
                blank_ += a_.to_rational(v);
                continue;
            }
            const cand_t c = pp_.seq[pos_[g]];
            pile_[c].push_back(static_cast<std::uint32_t>(g));
            vote_[c] += v;
        }
        // Quota on the valid papers (the Order: "the total number of valid ballot papers"; a
        // paper whose every choice is withdrawn or excluded is not valid).
        const T valid = total - blank_value();
        set_quota(valid);
        const std::size_t hopefuls = std::count(st_.begin(), st_.end(), cstate::hopeful);
        res_.notes.push_back(
            std::string("variant ") + stv_variant_name(opt_.variant) + ", " + std::to_string(seats_) +
            " seats, " + std::to_string(hopefuls) + " candidates, quota " +
            to_string(a_.to_rational(quota_)) +
            (A::exact ? ", exact arithmetic"
                      : ", fixed-point arithmetic to " + std::to_string(places_of(a_)) + " places"));
        round_record first = snapshot();
        first.note = "first preferences";
        res_.rounds.push_back(std::move(first));
        if (scottish_ || last_parcel_)
            run_scottish();
        else
            run_wigm();
        finish_ranking(res_, defeated_order_, st_);
        res_.scores = res_.rounds.front().tallies;
        res_.score_name = "first preferences";
        return std::move(res_);
    }

  private:
    T blank_value() const {
        if constexpr (A::exact)
            return blank_;
        else {
            // blank_ is exact; convert back (it is a sum of representable values)
            return a_.from_rational(blank_);
        }
    }

    void set_quota(const T& valid) {
        const stv_quota q =
            opt_.quota.value_or(scottish_ || last_parcel_ ? stv_quota::droop : stv_quota::droop_exact);
        const rational v = a_.to_rational(valid);
        if (scottish_ || q == stv_quota::droop) {
            quota_ = a_.from_rational(rational(floor_int(v / rational(seats_ + 1)) + 1));
            strict_ = false;
        } else if (q == stv_quota::hare) {
            const rational h = v / rational(seats_);
            if (whole_) {
                quota_ = a_.from_rational(rational(ceil_int(h))); // whole papers: the Hare quota rounded up
            } else {
                quota_ = exact_or_up(h);
            }
            strict_ = false;
        } else {
            // v / (s + 1): exact arithmetic elects on exceeding it; fixed-point rounds the quota
            // up by one unit in the last place and elects on reaching it (as Droop does).
            const rational qv = v / rational(seats_ + 1);
            if constexpr (A::exact) {
                quota_ = qv;
                strict_ = true;
            } else {
                quota_ = exact_or_up(qv) + a_.epsilon();
                strict_ = false;
            }
        }
    }
    T exact_or_up(const rational& r) const {
        if constexpr (A::exact)
            return r;
        else {
            return ceil_int(r * a_.scale).template convert_to<std::int64_t>();
        }
    }
    bool has_quota(cand_t c) const { return strict_ ? vote_[c] > quota_ : vote_[c] >= quota_; }

    std::size_t elected_count() const { return count_state(cstate::pending) + count_state(cstate::elected); }
    std::size_t seats_left() const { return seats_ - std::min(seats_, elected_count()); }

    round_record snapshot() const {
        round_record r;
        r.tallies.assign(n_, std::nullopt);
        for (cand_t c = 0; c < n_; ++c)
            if (st_[c] == cstate::hopeful || st_[c] == cstate::pending || st_[c] == cstate::elected)
                r.tallies[c] = a_.to_rational(vote_[c]);
        r.threshold = a_.to_rational(quota_);
        r.inactive.exhausted_choices = a_.to_rational(exhausted_);
        r.inactive.blank = blank_;
        r.lost = a_.to_rational(lost_);
        return r;
    }

    // Elects every hopeful with a quota, highest vote first; returns how many.
    std::size_t elect_quota_holders(round_record* rec) {
        std::vector<cand_t> h = in_state(cstate::hopeful);
        std::stable_sort(h.begin(), h.end(), [&](cand_t x, cand_t y) { return vote_[x] > vote_[y]; });
        std::size_t k = 0;
        for (cand_t c : h)
            if (has_quota(c)) {
                st_[c] = cstate::pending;
                parcel_from_[c] = mark_[c]; // the papers of the transfer that brought c to the quota
                res_.winners.push_back(c);
                if (rec)
                    rec->elected.push_back(c);
                else
                    res_.rounds.back().elected.push_back(c);
                ++k;
            }
        return k;
    }

    // Moves paper group g on from its current candidate to the next hopeful one.
    void move_on(std::uint32_t g, std::vector<T>& moved) {
        auto& pos = pos_[g];
        const std::uint32_t end = end_[g];
        ++pos;
        while (pos < end && st_[pp_.seq[pos]] != cstate::hopeful) ++pos;
        const T v = a_.mul_count(val_[g], count_[g]);
        if (pos == end) {
            exhausted_ += v;
            moved[n_] += v;
        } else {
            const cand_t to = pp_.seq[pos];
            pile_[to].push_back(g);
            vote_[to] += v;
            moved[to] += v;
        }
    }

    void record_moves(round_record& rec, cand_t from, const std::vector<T>& moved) {
        for (cand_t to = 0; to <= n_; ++to)
            if (moved[to] != T(0))
                rec.transfers.push_back({from, to == n_ ? k_exhausted : to, a_.to_rational(moved[to])});
    }

    // Before a transfer: where each pile ends, so the next parcel can be told apart.
    void mark_piles() {
        for (cand_t c = 0; c < n_; ++c) mark_[c] = pile_[c].size();
    }
    bool transferable(std::uint32_t g) const { return next_hopeful(g) != k_none; }
    std::uint32_t next_hopeful(std::uint32_t g) const {
        for (std::uint32_t pos = pos_[g] + 1; pos < end_[g]; ++pos)
            if (st_[pp_.seq[pos]] == cstate::hopeful) return pp_.seq[pos];
        return k_none;
    }
    std::uint32_t start_of(std::uint32_t g) const { return start_[g]; }
    // Splits `k` papers off group g into a new group (same preferences, position and value).
    std::uint32_t split(std::uint32_t g, std::uint64_t k) {
        const auto h = static_cast<std::uint32_t>(count_.size());
        start_.push_back(start_[g]);
        pos_.push_back(pos_[g]);
        end_.push_back(end_[g]);
        val_.push_back(val_[g]);
        count_.push_back(k);
        count_[g] -= k;
        return h;
    }

    // Whole-paper transfer (Irish / Cincinnati style, deterministic): the surplus moves as
    // whole papers from the last parcel; each next preference gets its share of the surplus
    // (floor of sub-parcel x surplus / transferable papers, remaining papers by largest
    // remainder), taking the papers that arrived last.
    void transfer_whole(cand_t c) {
        const rational surplus_r = a_.to_rational(vote_[c] - quota_);
        const big_int surplus = floor_int(surplus_r);
        mark_piles();
        std::vector<std::uint32_t> parcel(pile_[c].begin() + static_cast<std::ptrdiff_t>(parcel_from_[c]),
                                          pile_[c].end());
        std::map<cand_t, std::vector<std::uint32_t>> sub; // next preference -> groups, in arrival order
        big_int movable = 0;
        for (std::uint32_t g : parcel) {
            const auto to = next_hopeful(g);
            if (to == k_none) continue;
            sub[to].push_back(g);
            movable += count_[g];
        }
        std::map<cand_t, big_int> take;
        if (movable <= surplus) {
            for (const auto& [to, gs] : sub)
                for (auto g : gs) take[to] += count_[g];
        } else {
            big_int given = 0;
            std::vector<std::pair<rational, cand_t>> rem;
            for (const auto& [to, gs] : sub) {
                big_int size = 0;
                for (auto g : gs) size += count_[g];
                const big_int share = size * surplus / movable;
                take[to] = share;
                given += share;
                rem.push_back({rational(size * surplus, movable) - rational(share), to});
            }
            // Largest remainders first; equal remainders go to the larger sub-parcel, then to the
            // earlier candidate, and are recorded as a tie.
            std::stable_sort(rem.begin(), rem.end(), [&](const auto& x, const auto& y) {
                if (x.first != y.first) return x.first > y.first;
                return sub[x.second].size() > sub[y.second].size();
            });
            for (std::size_t k = 0; given < surplus && k < rem.size(); ++k, given += 1) {
                if (k + 1 < rem.size() && rem[k + 1].first == rem[k].first && given + 1 == surplus)
                    res_.notes.push_back("whole transfer: equal remainders for the last paper of " +
                                         p_.candidate_name(c) + "'s surplus; given to " +
                                         p_.candidate_name(rem[k].second) + " (candidate order)");
                take[rem[k].second] += 1;
            }
        }
        // Which papers of a sub-parcel move must not depend on the order ballots were read in:
        // take them in a canonical order, by their whole sequence of preferences.
        auto seq_less = [&](std::uint32_t a, std::uint32_t b) {
            return std::lexicographical_compare(pp_.seq.begin() + start_of(a), pp_.seq.begin() + end_[a],
                                                pp_.seq.begin() + start_of(b), pp_.seq.begin() + end_[b]);
        };
        for (auto& [to, gs] : sub) std::stable_sort(gs.begin(), gs.end(), seq_less);
        std::vector<T> moved(n_ + 1, T(0));
        for (auto& [to, gs] : sub) {
            big_int want = take[to];
            for (auto it = gs.rbegin(); it != gs.rend() && want > 0; ++it) {
                const auto g = *it;
                const big_int have = count_[g];
                if (have <= want) {
                    std::erase(pile_[c], g);
                    move_on(g, moved);
                    want -= have;
                } else {
                    const auto h = split(g, want.convert_to<std::uint64_t>());
                    move_on(h, moved);
                    want = 0;
                }
            }
        }
        T sent(0);
        for (const T& x : moved) sent += x;
        const T surplus_t = vote_[c] - quota_;
        exhausted_ += surplus_t - sent; // what could not move is non-transferable
        moved[n_] += surplus_t - sent;
        vote_[c] = quota_;
        st_[c] = cstate::elected;
        round_record rec = snapshot();
        rec.note = "surplus of " + p_.candidate_name(c) + " (" + to_string(surplus_r) +
                   ") transferred as whole papers from the last parcel";
        record_moves(rec, c, moved);
        res_.rounds.push_back(std::move(rec));
    }

    // ERS97-style: only the last parcel moves, at surplus / (its transferable value), never
    // above the value the papers came with; what cannot move is non-transferable.
    void transfer_last_parcel(cand_t c) {
        const T surplus = vote_[c] - quota_;
        mark_piles();
        std::vector<std::uint32_t> parcel(pile_[c].begin() + static_cast<std::ptrdiff_t>(parcel_from_[c]),
                                          pile_[c].end());
        pile_[c].resize(parcel_from_[c]);
        T movable(0);
        for (std::uint32_t g : parcel)
            if (transferable(g)) movable += a_.mul_count(val_[g], count_[g]);
        const bool scale_down = movable > surplus;
        std::vector<T> moved(n_ + 1, T(0));
        for (std::uint32_t g : parcel) {
            if (!transferable(g)) {
                pile_[c].push_back(g); // stays with the elected candidate
                continue;
            }
            if (scale_down) val_[g] = a_.muldiv_down(val_[g], surplus, movable);
            move_on(g, moved);
        }
        T sent(0);
        for (const T& x : moved) sent += x;
        if (scale_down)
            lost_ += surplus - sent;
        else {
            exhausted_ += surplus - sent;
            moved[n_] += surplus - sent;
        }
        vote_[c] = quota_;
        st_[c] = cstate::elected;
        round_record rec = snapshot();
        rec.transfer_value = scale_down ? a_.to_rational(surplus) / a_.to_rational(movable) : rational(1);
        rec.note = "surplus of " + p_.candidate_name(c) + " (" + to_string(a_.to_rational(surplus)) +
                   ") transferred from the last parcel received";
        record_moves(rec, c, moved);
        res_.rounds.push_back(std::move(rec));
    }

    void transfer_surplus(cand_t c) {
        if (whole_) return transfer_whole(c);
        if (last_parcel_) return transfer_last_parcel(c);
        mark_piles();
        const T surplus = vote_[c] - quota_;
        const T votes = vote_[c];
        std::vector<T> moved(n_ + 1, T(0));
        std::vector<std::uint32_t> from;
        from.swap(pile_[c]);
        for (std::uint32_t g : from) {
            val_[g] = a_.muldiv_down(val_[g], surplus, votes);
            move_on(g, moved);
        }
        T sent(0);
        for (const T& x : moved) sent += x;
        lost_ += surplus - sent;
        vote_[c] = quota_;
        st_[c] = cstate::elected;
        round_record rec = snapshot();
        rec.transfer_value = a_.to_rational(surplus) / a_.to_rational(votes);
        rec.note = "surplus of " + p_.candidate_name(c) + " (" + to_string(a_.to_rational(surplus)) +
                   ") transferred";
        record_moves(rec, c, moved);
        res_.rounds.push_back(std::move(rec));
    }

    void exclude(const std::vector<cand_t>& losers, const std::string& why) {
        mark_piles();
        std::vector<T> moved(n_ + 1, T(0));
        round_record rec;
        for (cand_t c : losers) {
            st_[c] = cstate::defeated;
            defeated_order_.push_back(c);
        }
        std::vector<std::vector<T>> per(losers.size());
        for (std::size_t k = 0; k < losers.size(); ++k) {
            const cand_t c = losers[k];
            std::fill(moved.begin(), moved.end(), T(0));
            std::vector<std::uint32_t> from;
            from.swap(pile_[c]);
            for (std::uint32_t g : from) move_on(g, moved);
            vote_[c] = T(0);
            per[k] = moved;
        }
        rec = snapshot();
        rec.eliminated = losers;
        for (std::size_t k = 0; k < losers.size(); ++k) record_moves(rec, losers[k], per[k]);
        rec.note = why;
        res_.rounds.push_back(std::move(rec));
    }

    std::optional<cand_t> pick(std::vector<cand_t> tied, bool loser, const char* purpose) {
        if (tied.size() == 1) return tied.front();
        const std::size_t round = res_.rounds.size() + 1;
        return loser ? tb_.pick_loser(tied, round, purpose, res_.rounds)
                     : tb_.pick_winner(tied, round, purpose, res_.rounds);
    }

    // Returns false when a tie was left unresolved (policy "report"): the count stops.
    bool surplus_or_exclusion(bool zero_batch) {
        auto pend = in_state(cstate::pending);
        if (scottish_ && !opt_.zero_surplus_stage && !pend.empty()) {
            // Scottish Order rule 48(1): a surplus is transferred only when a candidate's votes
            // exceed the quota. One elected with exactly the quota keeps its papers and no stage
            // transfers its surplus of 0 (as in the official declarations); the count goes on
            // with the next surplus or exclusion once the caller has looked for new quotas.
            std::vector<cand_t> rest;
            bool any_exact = false;
            for (cand_t c : pend) {
                if (vote_[c] == quota_) {
                    st_[c] = cstate::elected;
                    any_exact = true;
                    res_.notes.push_back(p_.candidate_name(c) +
                                         " was elected with exactly the quota: no surplus "
                                         "to transfer (rule 48(1))");
                } else {
                    rest.push_back(c);
                }
            }
            if (any_exact && rest.empty()) return true;
            pend = std::move(rest);
        }
        if (!pend.empty()) {
            T high = vote_[pend.front()];
            for (cand_t c : pend) high = std::max(high, vote_[c]);
            std::vector<cand_t> top;
            for (cand_t c : pend)
                if (vote_[c] == high) top.push_back(c);
            // Scottish rule 49: equal surpluses go by the most recent stage at which the
            // candidates differed (the higher first). WIGM follows Droop: one tie order decides
            // both whom to exclude and whose surplus goes first, so it picks as for exclusion.
            auto c = pick(top, !scottish_, "surplus");
            if (!c) return false;
            transfer_surplus(*c);
            return true;
        }
        const auto hope = in_state(cstate::hopeful);
        if (hope.empty()) return true;
        T low = vote_[hope.front()];
        for (cand_t c : hope) low = std::min(low, vote_[c]);
        std::vector<cand_t> bottom;
        for (cand_t c : hope)
            if (vote_[c] == low) bottom.push_back(c);
        if (zero_batch && low == T(0) && bottom.size() > 1) {
            exclude(bottom, "every candidate with no votes excluded");
            return true;
        }
        auto c = pick(bottom, true, "exclusion");
        if (!c) return false;
        exclude({*c}, "lowest candidate excluded");
        return true;
    }

    void stop_unresolved() {
        res_.notes.push_back("count stopped: a tie was left unresolved (tie_break report)");
    }

    void finish_remaining(const char* how) {
        for (cand_t c : in_state(cstate::pending)) st_[c] = cstate::elected;
        if (!res_.complete) return;
        auto h = in_state(cstate::hopeful);
        if (h.size() <= seats_left() && !h.empty()) {
            std::stable_sort(h.begin(), h.end(), [&](cand_t x, cand_t y) { return vote_[x] > vote_[y]; });
            for (cand_t c : h) {
                st_[c] = cstate::elected;
                res_.winners.push_back(c);
                res_.rounds.back().elected.push_back(c);
            }
            res_.notes.push_back(how);
        }
        // Any hopeful left loses, lowest first.
        h = in_state(cstate::hopeful);
        std::stable_sort(h.begin(), h.end(), [&](cand_t x, cand_t y) { return vote_[x] < vote_[y]; });
        for (cand_t c : h) {
            st_[c] = cstate::defeated;
            defeated_order_.push_back(c);
        }
    }

    // Rules 47-52 of the Scottish Order, stage by stage.
    void run_scottish() {
        auto complete = [&] { return seats_left() == 0 || count_state(cstate::hopeful) <= seats_left(); };
        while (true) {
            elect_quota_holders(nullptr);
            if (complete()) break;
            const bool had_pending = count_state(cstate::pending) > 0;
            if (!surplus_or_exclusion(false)) {
                stop_unresolved();
                break;
            }
            if (had_pending) continue;
            if (complete()) break;
        }
        finish_remaining("the continuing candidates fill the remaining seats (rule 52)");
    }

    // Droop's generic WIGM loop.
    void run_wigm() {
        while (count_state(cstate::hopeful) > seats_left() && seats_left() > 0) {
            round_record* last = &res_.rounds.back();
            (void)last;
            elect_quota_holders(nullptr);
            if (!surplus_or_exclusion(opt_.defeat_zero_batch)) {
                stop_unresolved();
                break;
            }
        }
        finish_remaining("the continuing candidates fill the remaining seats");
    }

    A a_;
    bool scottish_ = false, last_parcel_ = false, whole_ = false, strict_ = false;
    std::vector<std::uint32_t> start_, end_; // per group: its preferences (groups can split)
    std::vector<std::uint64_t> count_;       // per group: papers in it
    std::vector<std::size_t> parcel_from_, mark_;
    std::vector<T> vote_, val_;
    std::vector<std::uint32_t> pos_;
    std::vector<std::vector<std::uint32_t>> pile_;
    T quota_{}, exhausted_{}, lost_{};
    rational blank_{0};
    std::vector<cand_t> defeated_order_;
};

// ---------------------------------------------------------------------------------------------
// Meek's method (as Droop's reference implementation counts it).

template <class A> class meek_count : count_base {
  public:
    using T = typename A::T;
    meek_count(const profile& p, const stv_options& opt, A a) : count_base(p, opt), a_(a) {
        kf_.assign(n_, T(0));
        vote_.assign(n_, T(0));
        omega_ = T(0);
        omega10_ = opt.omega.value_or(A::exact ? 10u : 6u);
        if constexpr (A::exact) {
            rational w(1);
            for (unsigned i = 0; i < omega10_; ++i) w /= 10;
            omega_ = w;
        } else {
            if (omega10_ > a.places)
                throw error(errc::invalid, "stv: meek omega cannot exceed the decimal places");
            std::int64_t w = a.scale;
            for (unsigned i = 0; i < omega10_; ++i) w /= 10;
            omega_ = w;
        }
    }

    result run() {
        const std::size_t m = pp_.count.size();
        T total(0);
        mult_.resize(m);
        for (std::size_t g = 0; g < m; ++g) {
            mult_[g] =
                a_.mul_count(pp_.weights.empty() ? a_.one() : a_.from_rational(pp_.weights[g]), pp_.count[g]);
            total += mult_[g];
        }
        for (cand_t c = 0; c < n_; ++c)
            if (st_[c] == cstate::hopeful) kf_[c] = a_.one();
        // Round 0: first preferences, for the report.
        for (std::size_t g = 0; g < m; ++g)
            if (pp_.off[g] < pp_.off[g + 1]) vote_[pp_.seq[pp_.off[g]]] += mult_[g];
        votes_ = total;
        quota_ = calc_quota();
        res_.notes.push_back(
            "variant meek, " + std::to_string(seats_) + " seats, omega 10^-" + std::to_string(omega10_) +
            (A::exact ? ", exact arithmetic"
                      : ", fixed-point arithmetic to " + std::to_string(places_of(a_)) + " places"));
        round_record first = snapshot();
        first.note = "first preferences";
        res_.rounds.push_back(std::move(first));

        auto complete = [&] { return count_state(cstate::hopeful) <= seats_left() || seats_left() == 0; };
        while (!complete()) {
            std::vector<cand_t> batch;
            const auto status = iterate(batch);
            round_record rec = snapshot();
            rec.elected = newly_elected_;
            rec.note = std::string("iteration ended: ") + status;
            if (std::string_view(status) == "elected") {
                res_.rounds.push_back(std::move(rec));
                continue;
            }
            if (!batch.empty()) {
                rec.eliminated = batch;
                rec.note += " (sure losers defeated together)";
                for (cand_t c : batch) defeat(c);
                res_.rounds.push_back(std::move(rec));
                continue;
            }
            auto hope = in_state(cstate::hopeful);
            T low = vote_[hope.front()];
            for (cand_t c : hope) low = std::min(low, vote_[c]);
            std::vector<cand_t> within;
            for (cand_t c : hope)
                if (low + surplus_ >= vote_[c]) within.push_back(c);
            std::optional<cand_t> loser = within.front();
            if (within.size() > 1)
                loser = tb_.pick_loser(within, res_.rounds.size() + 1, "exclusion", res_.rounds);
            if (!loser) {
                res_.rounds.push_back(std::move(rec));
                res_.notes.push_back("count stopped: a tie was left unresolved (tie_break report)");
                break;
            }
            rec.eliminated = {*loser};
            defeat(*loser);
            res_.rounds.push_back(std::move(rec));
        }
        if (res_.complete) {
            auto h = in_state(cstate::hopeful);
            std::stable_sort(h.begin(), h.end(), [&](cand_t x, cand_t y) { return vote_[x] > vote_[y]; });
            for (cand_t c : h) {
                if (res_.winners.size() < seats_) {
                    st_[c] = cstate::elected;
                    res_.winners.push_back(c);
                    res_.rounds.back().elected.push_back(c);
                } else {
                    st_[c] = cstate::defeated;
                    kf_[c] = T(0);
                    defeated_.push_back(c);
                }
            }
        }
        // The final distribution, with every candidate left over defeated (as Droop reports it).
        distribute();
        round_record last = snapshot();
        last.note = "final";
        res_.rounds.push_back(std::move(last));
        finish_ranking(res_, defeated_, st_);
        res_.scores = res_.rounds.front().tallies;
        res_.score_name = "first preferences";
        return std::move(res_);
    }

  private:
    std::size_t seats_left() const { return seats_ - std::min(seats_, count_state(cstate::elected)); }
    T calc_quota() const {
        if constexpr (A::exact)
            return votes_ / T(seats_ + 1);
        else
            return votes_ / static_cast<std::int64_t>(seats_ + 1) + a_.epsilon();
    }
    bool has_quota(cand_t c) const { return A::exact ? vote_[c] > quota_ : vote_[c] >= quota_; }

    round_record snapshot() const {
        round_record r;
        r.tallies.assign(n_, std::nullopt);
        for (cand_t c = 0; c < n_; ++c)
            if (st_[c] == cstate::hopeful || st_[c] == cstate::elected)
                r.tallies[c] = a_.to_rational(vote_[c]);
        r.threshold = a_.to_rational(quota_);
        r.inactive.exhausted_choices = a_.to_rational(residual_);
        return r;
    }

    void defeat(cand_t c) {
        st_[c] = cstate::defeated;
        kf_[c] = T(0);
        vote_[c] = T(0);
        defeated_.push_back(c);
        distribute();
    }

    // Each paper gives each candidate in turn the keep factor's share of what is left of it.
    void distribute() {
        for (cand_t c = 0; c < n_; ++c) vote_[c] = T(0);
        residual_ = T(0);
        const T one = a_.one();
        for (std::size_t g = 0; g < mult_.size(); ++g) {
            T w = one;
            T res = mult_[g];
            for (std::uint32_t j = pp_.off[g]; j < pp_.off[g + 1]; ++j) {
                const cand_t c = pp_.seq[j];
                if (kf_[c] == T(0)) continue;
                const T keep = a_.mul_down(w, kf_[c]);
                w = a_.mul_down(w, one - kf_[c]);
                const T kept = mul_weight(keep, g);
                vote_[c] += kept;
                res -= kept;
                if (w <= T(0)) break;
            }
            residual_ += res;
        }
        votes_ = T(0);
        for (cand_t c = 0; c < n_; ++c)
            if (st_[c] == cstate::hopeful || st_[c] == cstate::elected) votes_ += vote_[c];
    }
    T mul_weight(const T& keep, std::size_t g) const {
        if constexpr (A::exact)
            return keep * mult_[g];
        else
            return a_.mul_down(keep, mult_[g]);
    }

    std::vector<cand_t> sure_losers() const {
        if (!opt_.batch_defeat) return {};
        auto sorted = in_state(cstate::hopeful);
        std::stable_sort(sorted.begin(), sorted.end(),
                         [&](cand_t x, cand_t y) { return vote_[x] < vote_[y]; });
        // Groups of candidates within the surplus of the group's first (the lowest starts from 0).
        std::vector<std::vector<cand_t>> groups;
        std::vector<cand_t> group;
        T v(0);
        for (cand_t c : sorted) {
            if (v + surplus_ >= vote_[c])
                group.push_back(c);
            else {
                if (!group.empty()) groups.push_back(group);
                group = {c};
                v = vote_[c];
            }
        }
        if (!group.empty()) groups.push_back(group);
        const std::size_t max_defeat = count_state(cstate::hopeful) - seats_left();
        T sum(0);
        std::size_t ncand = 0;
        std::optional<std::size_t> maxg;
        for (std::size_t g = 0; g + 1 < groups.size(); ++g) {
            ncand += groups[g].size();
            if (ncand > max_defeat) break;
            for (cand_t c : groups[g]) sum += vote_[c];
            if (sum + surplus_ < vote_[groups[g + 1].front()]) maxg = g;
        }
        std::vector<cand_t> out;
        if (maxg)
            for (std::size_t g = 0; g <= *maxg; ++g)
                out.insert(out.end(), groups[g].begin(), groups[g].end());
        std::sort(out.begin(), out.end());
        return out;
    }

    const char* iterate(std::vector<cand_t>& batch) {
        newly_elected_.clear();
        T last_surplus = votes_ + votes_ + a_.one(); // larger than any surplus
        while (true) {
            distribute();
            quota_ = calc_quota();
            bool elected = false;
            for (cand_t c : in_state(cstate::hopeful))
                if (has_quota(c)) {
                    st_[c] = cstate::elected;
                    res_.winners.push_back(c);
                    newly_elected_.push_back(c);
                    elected = true;
                }
            surplus_ = T(0);
            for (cand_t c : in_state(cstate::elected)) surplus_ += vote_[c] - quota_;
            if (elected) return "elected";
            if (surplus_ <= omega_) return "surplus below omega";
            if (surplus_ >= last_surplus) return "stable surplus";
            batch = sure_losers();
            if (!batch.empty()) return "sure losers";
            last_surplus = surplus_;
            for (cand_t c : in_state(cstate::elected))
                kf_[c] = a_.div_up(a_.mul_up(kf_[c], quota_), vote_[c]);
        }
    }

    A a_;
    std::vector<T> kf_, vote_, mult_;
    T omega_{}, quota_{}, votes_{}, surplus_{}, residual_{};
    unsigned omega10_ = 10;
    std::vector<cand_t> defeated_, newly_elected_;
};

template <template <class> class Count>
result with_arith(const profile& p, const stv_options& opt, std::optional<unsigned> places) {
    if (places && *places != stv_options::k_exact) {
        fixed_arith a(*places);
        // Every value is at most the total number of papers (times the largest weight).
        a.from_rational(p.total_weight());
        return Count<fixed_arith>(p, opt, a).run();
    }
    return Count<exact_arith>(p, opt, exact_arith{}).run();
}

} // namespace

result stv_rctab(const profile& p, const stv_options& opt); // stv_rctab.cpp

result stv(const profile& p, const stv_options& opt) {
    check_ranking(p);
    for (cand_t c : opt.ballots.excluded)
        if (c >= p.candidate_count())
            throw error(errc::invalid, "stv: excluded candidate index out of range");
    const std::size_t seats = seats_of(p, opt);
    (void)seats;
    result r;
    switch (opt.variant) {
    case stv_variant::scottish:
        r = with_arith<gregory_count>(p, opt, 5u);
        break;
    case stv_variant::wigm:
        r = with_arith<gregory_count>(p, opt, opt.places);
        break;
    case stv_variant::meek:
        r = with_arith<meek_count>(p, opt, opt.places.value_or(9u));
        break;
    case stv_variant::rctab:
        r = stv_rctab(p, opt);
        break;
    case stv_variant::gregory:
        r = with_arith<gregory_count>(p, opt, opt.places.value_or(stv_options::k_exact));
        break;
    case stv_variant::whole:
        if (!p.integral())
            throw error(errc::invalid,
                        "stv: the whole variant moves whole papers and needs unweighted ballots");
        r = with_arith<gregory_count>(p, opt, stv_options::k_exact);
        break;
    }
    r.method = "stv";
    return r;
}

} // namespace v0
} // namespace accord
