// accord/detail/stv_variants.hpp: the STV variants as one table.
//
// stv_variant_table() is the one list of the variants of accord/rules/stv.hpp: names, aliases,
// parsing, the help and error texts of every front door, which options each variant reads, each
// variant's default quota and arithmetic, and the dispatch of stv() all come from it
// (src/rules/stv.cpp; docs/architecture.md, "How to add").
#pragma once

#include "accord/rules/stv.hpp"

#include <optional>
#include <span>
#include <string>

namespace accord {
inline namespace v0 {

/// One STV variant.
struct stv_variant_info {
    stv_variant id;
    const char* name;    ///< "scottish"
    const char* aliases; ///< other names parse_stv_variant() accepts, space-separated, or ""
    const char* summary; ///< one line, for help texts
    /// The quota when the `quota` option is not given (stv() passes it down); for scottish the
    /// only one (the Order's), for meek none (Meek's quota falls as votes become non-transferable).
    std::optional<stv_quota> quota;
    /// Decimal places of the arithmetic when `arithmetic` is not given (stv_options::k_exact:
    /// exact rationals); fixed by law for scottish; rctab's is `decimals`.
    unsigned places;
    /// The variant-specific options it reads, space-separated; any other variant's option is
    /// refused naming the variants that read it.
    const char* options;
    const char* docs; ///< its section: "docs/methods/stv.md#scottish"
    /// The count (seats and ballot kind already checked by stv()).
    result (*count)(const profile&, const stv_options&);
};

/// Every variant, the default (stv_options{}.variant, scottish) first.
std::span<const stv_variant_info> stv_variant_table() noexcept;
/// The entry of a variant.
const stv_variant_info& stv_variant_of(stv_variant v) noexcept;
/// "scottish, wigm, meek, gregory, whole, rctab, warren, random-transfer": the names, for help and
/// error texts.
std::string stv_variant_names();

} // namespace v0
} // namespace accord
