// Embeds a count through the installed C++ API.
#include <accord/accord.hpp>

#include <iostream>

int main() {
    accord::profile p({"Access", "Frailty", "Digital"});
    std::vector<accord::cand_t> a{0, 1}, b{1, 0}, c{2, 1};
    p.add_order(a, 4);
    p.add_order(b, 3);
    p.add_order(c, 2);
    const auto r = accord::irv(p);
    std::cout << r.candidates[r.winners.at(0)] << '\n';
    return r.candidates[r.winners.at(0)] == "Frailty" ? 0 : 1;
}
