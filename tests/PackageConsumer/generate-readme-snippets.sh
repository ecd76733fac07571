#!/usr/bin/env bash
# Turns every ```csharp block of README.md into a method of ReadmeSnippets.g.cs, so the consumer compiles them
# against the package. The first block (the quick start) is also run. `using X;` directives move to the top.
set -euo pipefail
readme=$1
out=$2
awk '
  /^```csharp[[:space:]]*$/ { inblock = 1; n++; next }
  /^```[[:space:]]*$/ && inblock { inblock = 0; next }
  inblock && /^using [A-Za-z0-9_.]+;[[:space:]]*$/ { usings[$0] = 1; next }
  inblock { body[n] = body[n] "        " $0 "\n" }
  END {
    for (u in usings) print u
    print "#pragma warning disable CS0162, CS0219, CS8321, IDE0059, CA1031"
    print "internal static class ReadmeSnippets"
    print "{"
    print "    public static void Run(System.Action<bool, string> check)"
    print "    {"
    print "        Snippet1();"
    printf "        check(true, \"README: %d C# snippet(s) compile against the package; the quick start runs\");\n", n
    print "    }"
    for (i = 1; i <= n; i++) {
      print ""
      printf "    public static void Snippet%d()\n    {\n%s    }\n", i, body[i]
    }
    print "}"
  }' "$readme" > "$out"
