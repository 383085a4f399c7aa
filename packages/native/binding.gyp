# The Herald producer addon: C on Node-API only (one build serves every Node version), linked
# against the librdkafka that @confluentinc/kafka-javascript built (build/deps, CKJS_LINKING=dynamic).
# scripts/build.mjs copies that librdkafka.so.1 next to the addon; the $ORIGIN rpath loads it from
# there, never a distribution librdkafka of the same soname.
{
  "variables": {
    "rdkafka_dir%": "<!(node scripts/rdkafka-dir.mjs)",
    "sanitize%": 0
  },
  "targets": [
    {
      "target_name": "herald_native",
      "sources": ["src/addon.c", "src/producer.c"],
      "include_dirs": ["<(rdkafka_dir)/include"],
      "defines": ["NAPI_VERSION=8"],
      "cflags": ["-std=c11", "-D_GNU_SOURCE", "-Wall", "-Wextra", "-Wno-unused-parameter", "-Wno-ignored-qualifiers", "-Werror=implicit-function-declaration"],
      "libraries": ["<(rdkafka_dir)/librdkafka.so.1", "-Wl,-rpath,'$$ORIGIN'", "-lpthread"],
      "conditions": [
        ["sanitize==1", {
          "cflags": ["-fsanitize=address,undefined", "-fno-omit-frame-pointer", "-g", "-O1"],
          "ldflags": ["-fsanitize=address,undefined"]
        }]
      ]
    }
  ]
}
