// Tie-breaking policies; every decision is appended to the result.
#include "accord/tie_break.hpp"

#include <algorithm>
#include <iterator>

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

tie_breaker::tie_breaker(const tie_break_options& opt, result& out)
    : core_(opt, out.candidates.size()), out_(out) {}

namespace {
// Previous-rounds over full round records (detail::narrow_by_rounds, shared with the
// header-only counts).
tie_breaker::history_filter over_records(std::span<const round_record> history, bool loser) {
    return [history, loser](std::vector<cand_t>& left) { detail::narrow_by_rounds(history, left, loser); };
}
} // namespace

// The policy is decided by detail::tie_policy_core (tie_break.hpp), as in the header-only
// counts; here the decision is recorded into the result.
std::optional<cand_t> tie_breaker::pick(std::span<const cand_t> tied_in, std::size_t round,
                                        std::string_view purpose, const history_filter& previous_rounds,
                                        bool loser) {
    std::vector<cand_t> tied(tied_in.begin(), tied_in.end());
    if (!std::is_sorted(tied.begin(), tied.end())) std::sort(tied.begin(), tied.end());
    if (tied.size() == 1) return tied.front();
    tie_record rec;
    rec.round = round;
    rec.purpose = std::string(purpose);
    rec.candidates = tied;
    const auto d = core_.pick(std::move(tied), loser, previous_rounds);
    if (d.fell_back) {
        rec.detail = "previous rounds did not separate the candidates";
        rec.policy = std::string("previous-rounds, then ") + tie_policy_name(d.applied);
    } else {
        rec.policy = tie_policy_name(d.applied);
    }
    if (d.applied == tie_policy::random) rec.seed = core_.options().seed;
    if (d.chosen)
        rec.chosen = {*d.chosen};
    else
        out_.complete = false;
    record(std::move(rec));
    return d.chosen;
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
    if (!std::is_sorted(tied.begin(), tied.end())) std::sort(tied.begin(), tied.end());
    if (tied.size() <= 1) return tied;
    tie_record rec;
    rec.round = round;
    rec.purpose = std::string(purpose);
    rec.candidates = tied;
    tie_policy applied = tie_policy::report;
    std::optional<std::vector<cand_t>> out = core_.order(std::move(tied), applied);
    rec.policy = tie_policy_name(applied);
    if (applied == tie_policy::random) rec.seed = core_.options().seed;
    if (out)
        rec.chosen = *out;
    else
        out_.complete = false;
    record(std::move(rec));
    return out;
}

void tie_breaker::record(tie_record rec) {
    if (changes_after_) {
        std::vector<cand_t> tied = rec.candidates;
        const bool follows = !out_.ties.empty() && previous_at_ == out_.ties.size() - 1 &&
                             out_.ties.back().purpose == rec.purpose;
        std::vector<cand_t> left;
        if (named_ > *changes_after_ && follows && detail::tie_within_previous(previous_, tied, left)) {
            rec.continues_previous = true;
            rec.left = std::move(left);
            rec.candidates = {};
        }
        named_ += tied.size();
        previous_ = std::move(tied);
        previous_at_ = out_.ties.size();
    }
    out_.ties.push_back(std::move(rec));
}

} // namespace v0
} // namespace accord
