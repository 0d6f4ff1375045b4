// AHP: validation of pairwise comparison matrices, priorities, consistency, group aggregation.
#include "accord/analysis/ahp.hpp"

#include "accord/error.hpp"

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>
#include <sstream>

namespace accord {
inline namespace v0 {
namespace {

std::string item(const comparison_options& opt, std::size_t i) {
    std::string s = std::to_string(i + 1);
    if (i < opt.names.size() && !opt.names[i].empty()) s += " (" + opt.names[i] + ")";
    return s;
}

std::string where(const comparison_options& opt, std::size_t i, std::size_t j) {
    return "row " + item(opt, i) + ", column " + item(opt, j);
}

void check_shape(std::size_t rows, const std::vector<std::size_t>& cols, const comparison_options& opt) {
    if (rows == 0) throw error(errc::invalid, "comparison matrix: no items to compare");
    for (std::size_t i = 0; i < rows; ++i)
        if (cols[i] != rows)
            throw error(errc::invalid, "comparison matrix: row " + item(opt, i) + " has " +
                                           std::to_string(cols[i]) + " entries, expected " +
                                           std::to_string(rows) + " (the matrix must be square)");
    if (!opt.names.empty() && opt.names.size() != rows)
        throw error(errc::invalid, "comparison matrix: " + std::to_string(opt.names.size()) +
                                       " names given for " + std::to_string(rows) + " items");
}

std::string fmt(double x) {
    std::ostringstream o;
    o.precision(6);
    o << x;
    return o.str();
}

} // namespace

comparison_matrix make_comparison_matrix(const std::vector<std::vector<rational>>& a,
                                         const comparison_options& opt) {
    const std::size_t n = a.size();
    std::vector<std::size_t> cols;
    cols.reserve(n);
    for (const auto& r : a) cols.push_back(r.size());
    check_shape(n, cols, opt);
    const rational nine(9), ninth(1, 9);
    comparison_matrix m{n, std::vector<double>(n * n), opt.names};
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j < n; ++j) {
            const rational& x = a[i][j];
            if (x <= 0)
                throw error(errc::invalid, "comparison matrix: entry at " + where(opt, i, j) + " is " +
                                               to_string(x) + "; judgements must be positive");
            if (i == j && x != 1)
                throw error(errc::invalid, "comparison matrix: diagonal entry at " + where(opt, i, j) +
                                               " is " + to_string(x) +
                                               "; an item compared with itself must be 1");
            if (opt.saaty_scale && (x > nine || x < ninth))
                throw error(errc::invalid, "comparison matrix: entry at " + where(opt, i, j) + " is " +
                                               to_string(x) + ", outside Saaty's scale 1/9..9");
            if (j > i && a[j][i] * x != 1)
                throw error(errc::invalid, "comparison matrix: reciprocity violated at " + where(opt, i, j) +
                                               " = " + to_string(x) + " and " + where(opt, j, i) + " = " +
                                               to_string(a[j][i]) + "; expected " +
                                               to_string(rational(1) / x));
            m.values[i * n + j] = to_double(x);
        }
    }
    return m;
}

comparison_matrix make_comparison_matrix(const std::vector<std::vector<double>>& a,
                                         const comparison_options& opt) {
    const std::size_t n = a.size();
    std::vector<std::size_t> cols;
    cols.reserve(n);
    for (const auto& r : a) cols.push_back(r.size());
    check_shape(n, cols, opt);
    if (!(opt.reciprocity_tolerance >= 0))
        throw error(errc::invalid, "comparison matrix: reciprocity_tolerance must be >= 0");
    const double tol = opt.reciprocity_tolerance;
    comparison_matrix m{n, std::vector<double>(n * n), opt.names};
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j < n; ++j) {
            const double x = a[i][j];
            if (!(x > 0) || !std::isfinite(x))
                throw error(errc::invalid, "comparison matrix: entry at " + where(opt, i, j) + " is " +
                                               fmt(x) + "; judgements must be positive and finite");
            if (i == j && std::abs(x - 1) > tol)
                throw error(errc::invalid, "comparison matrix: diagonal entry at " + where(opt, i, j) +
                                               " is " + fmt(x) + "; an item compared with itself must be 1");
            if (opt.saaty_scale && (x > 9 * (1 + tol) || x < (1 - tol) / 9))
                throw error(errc::invalid, "comparison matrix: entry at " + where(opt, i, j) + " is " +
                                               fmt(x) + ", outside Saaty's scale 1/9..9");
            if (j > i && !(std::abs(x * a[j][i] - 1) <= tol))
                throw error(errc::invalid, "comparison matrix: reciprocity violated at " + where(opt, i, j) +
                                               " = " + fmt(x) + " and " + where(opt, j, i) + " = " +
                                               fmt(a[j][i]) + "; expected " + fmt(1 / x));
            m.values[i * n + j] = i == j ? 1.0 : x;
        }
    }
    return m;
}

comparison_matrix comparison_from_upper(std::size_t n, std::span<const rational> upper,
                                        const comparison_options& opt) {
    if (n == 0) throw error(errc::invalid, "comparison matrix: no items to compare");
    if (upper.size() != n * (n - 1) / 2)
        throw error(errc::invalid, "comparison matrix: " + std::to_string(upper.size()) +
                                       " judgements above the diagonal given for " + std::to_string(n) +
                                       " items, expected n(n-1)/2 = " + std::to_string(n * (n - 1) / 2));
    std::vector<std::vector<rational>> a(n, std::vector<rational>(n, rational(1)));
    std::size_t k = 0;
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = i + 1; j < n; ++j, ++k) {
            if (upper[k] <= 0)
                throw error(errc::invalid, "comparison matrix: entry at " + where(opt, i, j) + " is " +
                                               to_string(upper[k]) + "; judgements must be positive");
            a[i][j] = upper[k];
            a[j][i] = rational(1) / upper[k];
        }
    return make_comparison_matrix(a, opt);
}

const char* priority_method_name(priority_method m) noexcept {
    return m == priority_method::geometric_mean ? "geometric-mean" : "eigenvector";
}

const char* ahp_aggregation_name(ahp_aggregation a) noexcept {
    return a == ahp_aggregation::priorities ? "aip" : "aij";
}

double saaty_random_index(std::size_t n) {
    // Saaty's random consistency index: mean CI of random reciprocal matrices with entries drawn
    // from the 1-9 scale (Saaty 1980, The Analytic Hierarchy Process, McGraw-Hill; also in Saaty,
    // "How to make a decision", EJOR 48 (1990) 9-26). n = 11..15 as in Saaty's extended table.
    static constexpr double ri[] = {0.0,  0.0,  0.58, 0.90, 1.12, 1.24, 1.32, 1.41,
                                    1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59};
    if (n == 0 || n > std::size(ri))
        throw error(errc::invalid,
                    "saaty_random_index: tabulated for 1 to 15 items, got " + std::to_string(n));
    return ri[n - 1];
}

ahp_priorities ahp(const comparison_matrix& m, priority_method method) {
    const std::size_t n = m.n;
    if (n == 0 || m.values.size() != n * n)
        throw error(errc::invalid, "ahp: empty or malformed comparison matrix");
    Eigen::MatrixXd A(n, n);
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n; ++j) A(i, j) = m(i, j);

    ahp_priorities out;
    // Perron-Frobenius: a positive matrix has a simple real eigenvalue of largest modulus with a
    // positive eigenvector (Saaty 1977, section 2). EigenSolver finds all; we take that one.
    Eigen::VectorXd principal = Eigen::VectorXd::Ones(n);
    if (n == 1) {
        out.lambda_max = 1;
    } else {
        Eigen::EigenSolver<Eigen::MatrixXd> es(A, true);
        if (es.info() != Eigen::Success) throw error(errc::error, "ahp: eigen decomposition failed");
        Eigen::Index best = 0;
        for (Eigen::Index k = 1; k < es.eigenvalues().size(); ++k)
            if (std::abs(es.eigenvalues()[k]) > std::abs(es.eigenvalues()[best])) best = k;
        out.lambda_max = es.eigenvalues()[best].real();
        principal = es.eigenvectors().col(best).real().cwiseAbs();
    }
    if (method == priority_method::eigenvector) {
        principal /= principal.sum();
        out.priorities.assign(principal.data(), principal.data() + n);
    } else {
        // Row geometric means (Crawford & Williams 1985, J. Math. Psych. 29:387-405), in logs.
        out.priorities.resize(n);
        double total = 0;
        for (std::size_t i = 0; i < n; ++i) {
            double s = 0;
            for (std::size_t j = 0; j < n; ++j) s += std::log(m(i, j));
            out.priorities[i] = std::exp(s / static_cast<double>(n));
            total += out.priorities[i];
        }
        for (double& p : out.priorities) p /= total;
    }
    out.random_index = saaty_random_index(std::min<std::size_t>(n, 15));
    if (n > 2) {
        // Saaty (1977): lambda_max >= n, with equality iff the judgements are consistent.
        out.consistency_index =
            std::max(0.0, (out.lambda_max - static_cast<double>(n)) / static_cast<double>(n - 1));
        if (n <= 15)
            out.consistency_ratio = out.consistency_index / out.random_index;
        else
            out.consistency_ratio = out.consistency_index / 1.59; // beyond the table: its last value
        // Thresholds: Saaty (1994), Fundamentals of Decision Making and Priority Theory.
        const double limit = n == 3 ? 0.05 : (n == 4 ? 0.08 : 0.10);
        out.acceptable = out.consistency_ratio <= limit;
    }
    return out;
}

ahp_group_result ahp_group(std::span<const comparison_matrix> matrices, std::span<const double> weights,
                           ahp_aggregation mode, priority_method method) {
    const std::size_t k = matrices.size();
    if (k == 0) throw error(errc::invalid, "ahp_group: no participants");
    const std::size_t n = matrices[0].n;
    for (std::size_t p = 0; p < k; ++p)
        if (matrices[p].n != n)
            throw error(errc::invalid, "ahp_group: participant " + std::to_string(p + 1) + " compares " +
                                           std::to_string(matrices[p].n) + " items, participant 1 compares " +
                                           std::to_string(n));
    if (!weights.empty() && weights.size() != k)
        throw error(errc::invalid, "ahp_group: " + std::to_string(weights.size()) + " weights for " +
                                       std::to_string(k) + " participants");
    ahp_group_result out;
    out.mode = mode;
    out.weights.assign(k, 1.0);
    if (!weights.empty()) std::copy(weights.begin(), weights.end(), out.weights.begin());
    double total = 0;
    for (std::size_t p = 0; p < k; ++p) {
        if (!(out.weights[p] >= 0) || !std::isfinite(out.weights[p]))
            throw error(errc::invalid, "ahp_group: weight of participant " + std::to_string(p + 1) + " is " +
                                           fmt(out.weights[p]) + "; weights must be finite and >= 0");
        total += out.weights[p];
    }
    if (!(total > 0)) throw error(errc::invalid, "ahp_group: all weights are zero");
    for (double& w : out.weights) w /= total;

    for (const auto& m : matrices) out.individual.push_back(ahp(m, method));

    if (mode == ahp_aggregation::judgements) {
        // AIJ: a_ij = prod_k a_ij(k)^w_k. Reciprocal again because logs of reciprocals negate.
        out.combined.n = n;
        out.combined.names = matrices[0].names;
        out.combined.values.assign(n * n, 0.0);
        for (std::size_t p = 0; p < k; ++p)
            for (std::size_t e = 0; e < n * n; ++e)
                out.combined.values[e] += out.weights[p] * std::log(matrices[p].values[e]);
        for (double& x : out.combined.values) x = std::exp(x);
        for (std::size_t i = 0; i < n; ++i) out.combined.values[i * n + i] = 1.0;
        out.combined_result = ahp(out.combined, method);
        out.priorities = out.combined_result.priorities;
    } else {
        // AIP: weighted geometric mean of each item's priority, renormalised to sum 1.
        out.priorities.assign(n, 0.0);
        for (std::size_t p = 0; p < k; ++p)
            for (std::size_t i = 0; i < n; ++i)
                out.priorities[i] += out.weights[p] * std::log(out.individual[p].priorities[i]);
        double s = 0;
        for (double& x : out.priorities) s += (x = std::exp(x));
        for (double& x : out.priorities) x /= s;
    }
    return out;
}

} // namespace v0
} // namespace accord
