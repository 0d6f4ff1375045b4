// Internal: what STV's Gregory-family and Meek counts share (src/rules/stv.cpp defines it): the
// papers as strict preference sequences, the candidates' states, the common checks and the
// final ranking; and the two counts' entry points.
#pragma once

#include "accord/result.hpp"
#include "accord/rules/stv.hpp"
#include "accord/tie_break.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <vector>

namespace accord {
inline namespace v0 {
namespace stv_detail {

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

papers strict_papers(const profile& p, const stv_options& opt);

enum class cstate : std::uint8_t { hopeful, pending, elected, defeated, out };

inline result fresh_result(const profile& p) {
    result r;
    r.method = "stv";
    r.candidates = p.candidate_names();
    return r;
}

/// The seats to fill (the option, else the profile's), checked against the candidates.
std::size_t seats_of(const profile& p, const stv_options& opt);

/// Refuses a profile of other than ranking ballots.
void check_ranking(const profile& p);

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
void finish_ranking(result& res, const std::vector<cand_t>& defeated_order, const std::vector<cstate>& st);

/// Scottish STV, WIGM, Gregory (last parcel) and whole-paper counts (stv_gregory.cpp), in exact
/// arithmetic or fixed point to `places` decimals.
result stv_gregory(const profile& p, const stv_options& opt, std::optional<unsigned> places);

/// Meek's method (stv_meek.cpp), in exact arithmetic or fixed point to `places` decimals.
result stv_meek(const profile& p, const stv_options& opt, std::optional<unsigned> places);

/// Random-transfer STV, Cincinnati surplus method (stv_random.cpp).
result stv_random(const profile& p, const stv_options& opt);

/// CPO-STV (stv_cpo.cpp): every pair of outcomes compared, exact rationals.
result stv_cpo(const profile& p, const stv_options& opt);

/// Sequential STV (stv_sequential.cpp): Meek counts of the probables against each challenger.
result stv_sequential(const profile& p, const stv_options& opt);

} // namespace stv_detail
} // namespace v0
} // namespace accord
