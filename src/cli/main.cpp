// accord CLI (placeholder; the full contract is in docs/cli.md).
#include <cstdio>
int main() { std::puts("accord"); return 0; }
