// A four-practice example whose answers are worked out by hand (sweep_test, interface_test).
// Practices a (45), b (15), c (15), d (25) in one PCN. a votes X, b and c vote Y, d votes Z.
// One practice one vote: Y wins (2 of 4). By population: X 45% > Y 30% > Z 25%.
#pragma once

#include "accord/organisation.hpp"
#include "accord/profile.hpp"

namespace accord_test {
using namespace accord;

inline organisation four_org() {
    return read_organisation_text("id,name,kind,parent,population\nG,Group,pcn,,\n"
                                  "a,A,practice,G,45\nb,B,practice,G,15\nc,C,practice,G,15\nd,D,practice,G,25\n",
                                  "four.csv");
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
