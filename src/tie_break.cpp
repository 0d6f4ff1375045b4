// Tie-breaking policies; every decision is appended to the result.
#include "accord/tie_break.hpp"

#include <algorithm>

namespace accord {
inline namespace v0 {

std::span<const tie_policy_info> tie_policy_table() {
    static constexpr tie_policy_info table[] = {
        {tie_policy::report, "report", ""},
        {tie_policy::lexicographic, "lexicographic", "candidate-order"},
        {tie_policy::random, "random", ""},
        {tie_policy::previous_rounds, "previous-rounds", "backward"},
    };
    return table;
}

std::string tie_policy_names(std::string_view sep, std::string_view last) {
    const auto t = tie_policy_table();
    std::string out;
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (i) out += i + 1 == t.size() ? last : sep;
        out += t[i].name;
    }
    return out;
}

const char* tie_policy_name(tie_policy p) noexcept {
    for (const auto& e : tie_policy_table())
        if (e.policy == p) return e.name;
    return "report";
}

tie_policy parse_tie_policy(std::string_view name) {
    for (const auto& e : tie_policy_table())
        if (name == e.name || (*e.aliases && name == e.aliases)) return e.policy;
    throw error(errc::invalid, "unknown tie-break policy '" + std::string(name) + "' (expected " +
                                   tie_policy_names(", ", " or ") + ")");
}

tie_breaker::tie_breaker(const tie_break_options& opt, result& out) : opt_(opt), out_(out), rng_(opt.seed) {
    if (opt_.fallback == tie_policy::previous_rounds)
        throw error(errc::invalid, "the fallback tie-break policy cannot be previous-rounds");
    const std::size_t n = out.candidates.size();
    prio_.assign(n, n);
    if (opt_.order.empty()) {
        for (std::size_t i = 0; i < n; ++i) prio_[i] = i;
    } else {
        for (std::size_t i = 0; i < opt_.order.size(); ++i) {
            if (opt_.order[i] >= n) throw error(errc::invalid, "tie-break order names an unknown candidate");
            prio_[opt_.order[i]] = i;
        }
    }
}

std::size_t tie_breaker::priority(cand_t c) const { return c < prio_.size() ? prio_[c] : c; }

std::size_t tie_breaker::draw(std::size_t n) { return detail::uniform_below(rng_, n); }

namespace {
// Previous-rounds over full round records: latest earlier round first, keep the candidates with
// the fewest (loser) or most (winner) votes there; a round missing one of them is passed over.
tie_breaker::history_filter over_records(std::span<const round_record> history, bool loser) {
    return [history, loser](std::vector<cand_t>& left) {
        for (auto it = history.rbegin(); it != history.rend() && left.size() > 1; ++it) {
            const auto& t = it->tallies;
            bool all_present = std::all_of(left.begin(), left.end(),
                                           [&](cand_t c) { return c < t.size() && t[c].has_value(); });
            if (!all_present) continue;
            rational best = *t[left.front()];
            for (cand_t c : left) best = loser ? std::min(best, *t[c]) : std::max(best, *t[c]);
            std::vector<cand_t> keep;
            for (cand_t c : left)
                if (*t[c] == best) keep.push_back(c);
            left = std::move(keep);
        }
    };
}
} // namespace

std::optional<cand_t> tie_breaker::pick(std::span<const cand_t> tied_in, std::size_t round,
                                        std::string_view purpose, const history_filter& previous_rounds,
                                        bool loser) {
    std::vector<cand_t> tied(tied_in.begin(), tied_in.end());
    std::sort(tied.begin(), tied.end());
    if (tied.size() == 1) return tied.front();
    tie_record rec;
    rec.round = round;
    rec.purpose = std::string(purpose);
    rec.candidates = tied;
    tie_policy policy = opt_.policy;
    if (policy == tie_policy::previous_rounds) {
        // Latest earlier round first: keep the candidates with the fewest (loser) or most
        // (winner) votes there, until one remains.
        std::vector<cand_t> left = tied;
        previous_rounds(left);
        if (left.size() == 1) {
            rec.policy = "previous-rounds";
            rec.chosen = left;
            out_.ties.push_back(std::move(rec));
            return left.front();
        }
        tied = left;
        rec.detail = "previous rounds did not separate the candidates";
        policy = opt_.fallback;
    }
    std::optional<cand_t> chosen;
    switch (policy) {
    case tie_policy::report:
        out_.complete = false;
        break;
    case tie_policy::lexicographic: {
        auto cmp = [&](cand_t a, cand_t b) { return priority(a) < priority(b); };
        chosen = loser ? *std::max_element(tied.begin(), tied.end(), cmp)
                       : *std::min_element(tied.begin(), tied.end(), cmp);
        break;
    }
    case tie_policy::random:
        chosen = tied[draw(tied.size())];
        rec.seed = opt_.seed;
        break;
    case tie_policy::previous_rounds:
        break; // excluded by the constructor
    }
    rec.policy = opt_.policy == tie_policy::previous_rounds && !rec.detail.empty()
                     ? std::string("previous-rounds, then ") + tie_policy_name(policy)
                     : tie_policy_name(policy);
    if (chosen) rec.chosen = {*chosen};
    out_.ties.push_back(std::move(rec));
    return chosen;
}

std::optional<cand_t> tie_breaker::pick_loser(std::span<const cand_t> tied, std::size_t round,
                                              std::string_view purpose,
                                              std::span<const round_record> history) {
    return pick(tied, round, purpose, over_records(history, true), true);
}

std::optional<cand_t> tie_breaker::pick_loser(std::span<const cand_t> tied, std::size_t round,
                                              std::string_view purpose,
                                              const history_filter& previous_rounds) {
    return pick(tied, round, purpose, previous_rounds, true);
}

std::optional<cand_t> tie_breaker::pick_winner(std::span<const cand_t> tied, std::size_t round,
                                               std::string_view purpose,
                                               std::span<const round_record> history) {
    return pick(tied, round, purpose, over_records(history, false), false);
}

std::optional<cand_t> tie_breaker::pick_winner(std::span<const cand_t> tied, std::size_t round,
                                               std::string_view purpose,
                                               const history_filter& previous_rounds) {
    return pick(tied, round, purpose, previous_rounds, false);
}

std::optional<std::vector<cand_t>> tie_breaker::order(std::span<const cand_t> tied_in, std::size_t round,
                                                      std::string_view purpose) {
    std::vector<cand_t> tied(tied_in.begin(), tied_in.end());
    std::sort(tied.begin(), tied.end());
    if (tied.size() <= 1) return tied;
    tie_record rec;
    rec.round = round;
    rec.purpose = std::string(purpose);
    rec.candidates = tied;
    tie_policy policy = opt_.policy == tie_policy::previous_rounds ? opt_.fallback : opt_.policy;
    rec.policy = tie_policy_name(policy);
    std::optional<std::vector<cand_t>> out;
    switch (policy) {
    case tie_policy::report:
        out_.complete = false;
        break;
    case tie_policy::lexicographic:
        std::sort(tied.begin(), tied.end(), [&](cand_t a, cand_t b) { return priority(a) < priority(b); });
        out = tied;
        break;
    case tie_policy::random:
        for (std::size_t i = tied.size() - 1; i > 0; --i) std::swap(tied[i], tied[draw(i + 1)]);
        out = tied;
        rec.seed = opt_.seed;
        break;
    case tie_policy::previous_rounds:
        break;
    }
    if (out) rec.chosen = *out;
    out_.ties.push_back(std::move(rec));
    return out;
}

} // namespace v0
} // namespace accord
