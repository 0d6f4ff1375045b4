// STV by Meek's method and Warren's: keep factors iterated until every elected candidate holds
// the quota, in exact arithmetic, fixed point or guarded (quasi-exact) fixed point; Meek's with
// the New Zealand rounding as a switch (docs/methods/stv.md).
#include "ballot_walker.hpp"
#include "stv_arith.hpp"
#include "stv_count.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <numeric>

namespace accord {
inline namespace v0 {
namespace stv_detail {
namespace {
using namespace detail;

template <class A> class meek_count : count_base {
  public:
    using T = typename A::T;
    meek_count(const profile& p, const stv_options& opt, A a) : count_base(p, opt), a_(a) {
        kf_.assign(n_, T(0));
        vote_.assign(n_, T(0));
        omega_ = T(0);
        warren_ = opt.variant == stv_variant::warren;
        nz_ = opt.nz;
        if constexpr (is_guarded<A>)
            omega10_ = opt.omega.value_or(a.places / 2); // Droop's default: half the precision
        else
            omega10_ = opt.omega.value_or(A::exact ? 10u : 6u);
        if constexpr (A::exact) {
            rational w(1);
            for (unsigned i = 0; i < omega10_; ++i) w /= 10;
            omega_ = w;
        } else if constexpr (is_guarded<A>) {
            if (omega10_ > a.places)
                throw error(errc::invalid, "stv: omega cannot exceed the decimal places");
            big_int w = a.scale;
            for (unsigned i = 0; i < omega10_; ++i) w /= 10;
            omega_ = a.make(w);
        } else {
            if (omega10_ > a.places)
                throw error(errc::invalid, "stv: omega cannot exceed the decimal places");
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
        std::string arith = ", exact arithmetic";
        if constexpr (is_guarded<A>)
            arith = ", guarded arithmetic to " + std::to_string(a_.places) + " + " +
                    std::to_string(a_.guard) + " places";
        else if constexpr (!A::exact)
            arith = ", fixed-point arithmetic to " + std::to_string(places_of(a_)) + " places";
        res_.notes.push_back(std::string("variant ") + (warren_ ? "warren" : "meek") +
                             (nz_ ? " (New Zealand rounding)" : "") + ", " + std::to_string(seats_) +
                             " seats, omega 10^-" + std::to_string(omega10_) + arith);
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
            for (cand_t c : hope)
                if (raw_less(vote_[c], low)) low = vote_[c];
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
        if (stale_ && !nz_) distribute();
        if (res_.complete) {
            auto h = in_state(cstate::hopeful);
            std::stable_sort(h.begin(), h.end(),
                             [&](cand_t x, cand_t y) { return raw_less(vote_[y], vote_[x]); });
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
        // The New Zealand / PR Foundation rule reports the state when the seats were filled: the
        // defeated at 0, everything not held by the elected non-transferable.
        if (nz_) {
            T held(0);
            for (cand_t c = 0; c < n_; ++c) {
                if (st_[c] != cstate::elected) vote_[c] = T(0);
                held += vote_[c];
            }
            residual_ = total - held; // total: every paper's value, from the first count
        } else {
            distribute();
        }
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
        if constexpr (is_guarded<A>) // Droop's guarded arithmetic counts as exact: no unit added
            return a_.make(votes_.v / (seats_ + 1));
        else
            return meek_quota(a_, votes_, seats_);
    }
    // Exact and guarded arithmetic elect on exceeding the quota, fixed point (whose quota has a
    // unit added) on reaching it.
    bool has_quota(cand_t c) const {
        return A::exact || is_guarded<A> ? vote_[c] > quota_ : vote_[c] >= quota_;
    }

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

    // The papers are redistributed once, when next needed (the next iteration, or the end of
    // the count), not once per candidate of a batch: the same votes, without a pass over every
    // paper for each defeated candidate (issue 17).
    void defeat(cand_t c) {
        st_[c] = cstate::defeated;
        kf_[c] = T(0);
        vote_[c] = T(0);
        defeated_.push_back(c);
        stale_ = true;
    }

    // Each paper gives each candidate in turn the keep factor's share of what is left of it
    // (Meek), or the keep value itself when that much is left (Warren).
    void distribute() {
        stale_ = false;
        for (cand_t c = 0; c < n_; ++c) vote_[c] = T(0);
        residual_ = T(0);
        const T one = a_.one();
        for (std::size_t g = 0; g < mult_.size(); ++g) {
            T w = one;
            T res = mult_[g];
            for (std::uint32_t j = pp_.off[g]; j < pp_.off[g + 1]; ++j) {
                const cand_t c = pp_.seq[j];
                if (!raw_less(T(0), kf_[c])) continue; // excluded: exactly 0 (never within a guard)
                T keep;
                if (warren_) {
                    keep = kf_[c] < w ? kf_[c] : w;
                    w = w - keep;
                } else if (nz_) { // the keep rounded up, the rest passed on (Schedule 1A)
                    keep = a_.mul_up(w, kf_[c]);
                    w = w - keep;
                } else {
                    keep = a_.mul_down(w, kf_[c]);
                    w = a_.mul_down(w, one - kf_[c]);
                }
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
                         [&](cand_t x, cand_t y) { return raw_less(vote_[x], vote_[y]); });
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
            if (nz_) {
                if (surplus_ < T(0)) surplus_ = T(0); // a rounded keep can leave a vote below the quota
                if (surplus_ < omega_) return "surplus below omega";
            } else if (surplus_ <= omega_)
                return "surplus below omega";
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
    bool warren_ = false, nz_ = false;
    bool stale_ = false; // a candidate was defeated since the last distribution
    std::vector<cand_t> defeated_, newly_elected_;
};

} // namespace

const big_int& guarded_num::half_unit(unsigned g) {
    static const std::vector<big_int> halves = [] {
        std::vector<big_int> v;
        big_int ten(1);
        for (unsigned i = 0; i <= 64; ++i, ten *= 10) v.push_back(ten / 2 == 0 ? big_int(1) : ten / 2);
        return v;
    }();
    return halves.at(g);
}

result stv_meek(const profile& p, const stv_options& opt, std::optional<unsigned> places) {
    if (opt.guard != 0) {
        if (!places || *places == stv_options::k_exact)
            throw error(errc::invalid, "stv: guarded arithmetic needs a number of places");
        guarded_arith a(*places, opt.guard);
        return meek_count<guarded_arith>(p, opt, a).run();
    }
    return with_arith<meek_count>(p, opt, places);
}

} // namespace stv_detail
} // namespace v0
} // namespace accord
