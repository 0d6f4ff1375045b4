// A four-practice example whose answers are worked out by hand (sweep_test, interface_test).
// Practices a (45), b (15), c (15), d (25) in one PCN. a votes X, b and c vote Y, d votes Z.
// One practice one vote: Y wins (2 of 4). By population: X 45% > Y 30% > Z 25%.
#pragma once

#include "accord/organisation.hpp"
#include "accord/profile.hpp"

namespace accord_test {
using namespace accord;

inline organisation four_org() {
    return read_organisation_text(
        "id,name,kind,parent,population\nG,Group,pcn,,\n"
        "a,A,practice,G,45\nb,B,practice,G,15\nc,C,practice,G,15\nd,D,practice,G,25\n",
        "four.csv");
}

// The same practices in two PCNs: P = {a 45, b 15} (60 patients), Q = {c 15, d 25} (40).
// Two-level shares, worked by hand (a unit's share = its PCN's share x its share in the PCN):
//   equal within, population across:  a 3/10, b 3/10, c 1/5, d 1/5  -> plurality: Y 1/2 > X 3/10 > Z 1/5
//   population within, equal across:  a 3/8, b 1/8, c 3/16, d 5/16 -> plurality: X 3/8 > Y = Z 5/16
//   capped:1/2 across (P 60% capped at 50%), equal within: each practice 1/4 -> plurality Y
inline organisation four_org_two_pcns() {
    return read_organisation_text(
        "id,name,kind,parent,population\nP,PCN P,pcn,,\nQ,PCN Q,pcn,,\n"
        "a,A,practice,P,45\nb,B,practice,P,15\nc,C,practice,Q,15\nd,D,practice,Q,25\n",
        "four_two_pcns.csv");
}

inline profile four_ballots() {
    profile p({"X", "Y", "Z"});
    const cand_t x[] = {0, 1, 2}, y[] = {1, 2, 0}, z[] = {2, 1, 0};
    p.add_order(x, 1, rational(1), p.intern_unit("a"));
    p.add_order(y, 1, rational(1), p.intern_unit("b"));
    p.add_order(y, 1, rational(1), p.intern_unit("c"));
    p.add_order(z, 1, rational(1), p.intern_unit("d"));
    return p;
}

} // namespace accord_test
