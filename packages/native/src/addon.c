/* The Node-API surface of @herald/native. Every function validates its arguments and returns a
 * librdkafka error code (or a value) instead of throwing: the TypeScript side classifies codes. */
#include <stdlib.h>
#include <string.h>

#include "producer.h"

#define HN_MAX_CONFIG_PAIRS 4096

/* Tags the handle external, so a foreign object passed as a handle is refused, never dereferenced. */
static const napi_type_tag handle_tag = {0x6865726c64206e61ULL, 0x746976652070726fULL};

static napi_value int_value(napi_env env, int32_t n) {
  napi_value v;
  napi_create_int32(env, n, &v);
  return v;
}

static napi_value str_value(napi_env env, const char *s) {
  napi_value v;
  napi_create_string_utf8(env, s == NULL ? "" : s, NAPI_AUTO_LENGTH, &v);
  return v;
}

/* A copy of a JS string as NUL-terminated UTF-8, or NULL when it is not a string. */
static char *get_string(napi_env env, napi_value value) {
  napi_valuetype type;
  if (napi_typeof(env, value, &type) != napi_ok || type != napi_string) return NULL;
  size_t len = 0;
  if (napi_get_value_string_utf8(env, value, NULL, 0, &len) != napi_ok) return NULL;
  char *out = malloc(len + 1);
  if (out == NULL) return NULL;
  if (napi_get_value_string_utf8(env, value, out, len + 1, &len) != napi_ok) {
    free(out);
    return NULL;
  }
  return out;
}

static int get_int(napi_env env, napi_value value, int32_t *out) {
  napi_valuetype type;
  if (napi_typeof(env, value, &type) != napi_ok || type != napi_number) return 0;
  return napi_get_value_int32(env, value, out) == napi_ok;
}

/* The producer behind a handle argument; NULL for anything that is not one of ours. */
static hn_producer *get_handle(napi_env env, napi_value value) {
  napi_valuetype type;
  if (napi_typeof(env, value, &type) != napi_ok || type != napi_external) return NULL;
  bool tagged = false;
  if (napi_check_object_type_tag(env, value, &handle_tag, &tagged) != napi_ok || !tagged) return NULL;
  void *p = NULL;
  if (napi_get_value_external(env, value, &p) != napi_ok) return NULL;
  return p;
}

/* Reads the arguments and the handle; on failure `*code` says why. */
static hn_producer *open_handle(napi_env env, napi_callback_info info, size_t want, napi_value *argv, int32_t *code) {
  size_t argc = want;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc < want) {
    *code = RD_KAFKA_RESP_ERR__INVALID_ARG;
    return NULL;
  }
  hn_producer *p = get_handle(env, argv[0]);
  if (p == NULL) {
    *code = RD_KAFKA_RESP_ERR__INVALID_ARG;
    return NULL;
  }
  if (p->closing) {
    *code = RD_KAFKA_RESP_ERR__DESTROY;
    return NULL;
  }
  *code = 0;
  return p;
}

static void handle_finalize(napi_env env, void *data, void *hint) {
  (void)env;
  (void)hint;
  hn_producer *p = data;
  hn_close(p); /* a handle dropped without close() still stops its thread */
  hn_unref(p);
}

/* version() -> librdkafka's version string. */
static napi_value js_version(napi_env env, napi_callback_info info) {
  (void)info;
  return str_value(env, rd_kafka_version_str());
}

/* create(pairs: string[], onEvent) -> handle, or a string saying why not. */
static napi_value js_create(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc < 2) return str_value(env, "create(pairs, onEvent) needs two arguments");
  bool is_array = false;
  napi_valuetype cb_type;
  napi_is_array(env, argv[0], &is_array);
  napi_typeof(env, argv[1], &cb_type);
  if (!is_array || cb_type != napi_function) return str_value(env, "create(pairs, onEvent): pairs must be an array and onEvent a function");
  uint32_t len = 0;
  napi_get_array_length(env, argv[0], &len);
  if (len % 2 != 0 || len > HN_MAX_CONFIG_PAIRS * 2) return str_value(env, "configuration must be name/value string pairs");
  char **pairs = calloc(len == 0 ? 1 : len, sizeof *pairs);
  if (pairs == NULL) return str_value(env, "out of memory");
  napi_value result = NULL;
  for (uint32_t i = 0; i < len && result == NULL; i++) {
    napi_value item;
    if (napi_get_element(env, argv[0], i, &item) != napi_ok || (pairs[i] = get_string(env, item)) == NULL) {
      result = str_value(env, "configuration names and values must be strings");
    }
  }
  if (result == NULL) {
    char errstr[512] = "";
    hn_producer *p = hn_create(env, pairs, (int)len, argv[1], errstr, sizeof errstr);
    if (p == NULL) {
      result = str_value(env, errstr[0] != '\0' ? errstr : "rd_kafka_new failed");
    } else if (hn_start(p) != 0) {
      hn_close(p);
      result = str_value(env, "cannot start the poll thread");
    } else if (napi_create_external(env, p, handle_finalize, NULL, &result) != napi_ok ||
               napi_type_tag_object(env, result, &handle_tag) != napi_ok) {
      hn_close(p);
      result = str_value(env, "cannot create the handle");
    } else {
      p->refs++;
    }
  }
  for (uint32_t i = 0; i < len; i++) free(pairs[i]);
  free(pairs);
  return result;
}

/* topic(handle, name) -> topic index >= 0, or a negative code. */
static napi_value js_topic(napi_env env, napi_callback_info info) {
  napi_value argv[2];
  int32_t code;
  hn_producer *p = open_handle(env, info, 2, argv, &code);
  if (p == NULL) return int_value(env, code);
  char *name = get_string(env, argv[1]);
  if (name == NULL) return int_value(env, RD_KAFKA_RESP_ERR__INVALID_ARG);
  int index = hn_topic(p, name);
  free(name);
  return int_value(env, index);
}

static uint32_t read_u32(const uint8_t *b) { return (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24; }

/* Parses the packed key and headers; returns 0 or INVALID_ARG when a length points outside. */
static int32_t parse_meta(const uint8_t *meta, size_t len, const void **key, size_t *key_len, rd_kafka_headers_t **headers) {
  size_t off = 0;
  *key = NULL;
  *key_len = 0;
  *headers = NULL;
  if (len < 8) return RD_KAFKA_RESP_ERR__INVALID_ARG;
  uint32_t klen = read_u32(meta);
  off = 4;
  if (klen != UINT32_MAX) {
    if (klen > len - off) return RD_KAFKA_RESP_ERR__INVALID_ARG;
    *key = meta + off;
    *key_len = klen;
    off += klen;
  }
  if (len - off < 4) return RD_KAFKA_RESP_ERR__INVALID_ARG;
  uint32_t count = read_u32(meta + off);
  off += 4;
  if (count > (len - off) / 8) return RD_KAFKA_RESP_ERR__INVALID_ARG;
  if (count == 0) return off == len ? 0 : RD_KAFKA_RESP_ERR__INVALID_ARG;
  rd_kafka_headers_t *h = rd_kafka_headers_new(count);
  for (uint32_t i = 0; i < count; i++) {
    if (len - off < 4) goto bad;
    uint32_t nlen = read_u32(meta + off);
    off += 4;
    if (nlen == 0 || nlen > len - off) goto bad;
    const char *name = (const char *)meta + off;
    off += nlen;
    if (len - off < 4) goto bad;
    uint32_t vlen = read_u32(meta + off);
    off += 4;
    const void *value = NULL;
    if (vlen != UINT32_MAX) {
      if (vlen > len - off) goto bad;
      value = meta + off;
      off += vlen;
    }
    rd_kafka_header_add(h, name, (ssize_t)nlen, value, value == NULL ? 0 : (ssize_t)vlen);
  }
  if (off != len) goto bad;
  *headers = h;
  return 0;
bad:
  rd_kafka_headers_destroy(h);
  return RD_KAFKA_RESP_ERR__INVALID_ARG;
}

/* produce(handle, topicIndex, value: Buffer, meta: Buffer, metaLength, id) -> 0 or a code.
 * meta packs the key (u32 length, 0xffffffff = null) and headers (u32 count, then u32 name
 * length, name, u32 value length, value), little-endian. librdkafka copies everything. */
static napi_value js_produce(napi_env env, napi_callback_info info) {
  napi_value argv[6];
  int32_t code;
  hn_producer *p = open_handle(env, info, 6, argv, &code);
  if (p == NULL) return int_value(env, code);
  int32_t topic = -1, meta_len = -1;
  double id = -1;
  bool is_buffer = false;
  void *value = NULL, *meta = NULL;
  size_t value_len = 0, meta_size = 0;
  if (!get_int(env, argv[1], &topic) || topic < 0 || topic >= p->topic_count) return int_value(env, RD_KAFKA_RESP_ERR__INVALID_ARG);
  if (napi_is_buffer(env, argv[2], &is_buffer) != napi_ok || !is_buffer || napi_get_buffer_info(env, argv[2], &value, &value_len) != napi_ok) return int_value(env, RD_KAFKA_RESP_ERR__INVALID_ARG);
  if (napi_is_buffer(env, argv[3], &is_buffer) != napi_ok || !is_buffer || napi_get_buffer_info(env, argv[3], &meta, &meta_size) != napi_ok) return int_value(env, RD_KAFKA_RESP_ERR__INVALID_ARG);
  if (!get_int(env, argv[4], &meta_len) || meta_len < 0 || (size_t)meta_len > meta_size) return int_value(env, RD_KAFKA_RESP_ERR__INVALID_ARG);
  napi_valuetype id_type;
  if (napi_typeof(env, argv[5], &id_type) != napi_ok || id_type != napi_number || napi_get_value_double(env, argv[5], &id) != napi_ok) return int_value(env, RD_KAFKA_RESP_ERR__INVALID_ARG);
  if (!(id >= 0 && id <= 9007199254740992.0) || id != (double)(uint64_t)id) return int_value(env, RD_KAFKA_RESP_ERR__INVALID_ARG);

  const void *key;
  size_t key_len;
  rd_kafka_headers_t *headers;
  code = parse_meta(meta, (size_t)meta_len, &key, &key_len, &headers);
  if (code != 0) return int_value(env, code);
  void *opaque = (void *)(uintptr_t)(uint64_t)id;
  rd_kafka_resp_err_t err;
  if (headers != NULL) {
    err = rd_kafka_producev(p->rk, RD_KAFKA_V_RKT(p->topics[topic]), RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_VALUE(value, value_len),
                            RD_KAFKA_V_KEY(key, key_len), RD_KAFKA_V_HEADERS(headers), RD_KAFKA_V_OPAQUE(opaque), RD_KAFKA_V_END);
    if (err != RD_KAFKA_RESP_ERR_NO_ERROR) rd_kafka_headers_destroy(headers); /* owned by librdkafka only on success */
  } else {
    err = rd_kafka_producev(p->rk, RD_KAFKA_V_RKT(p->topics[topic]), RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_VALUE(value, value_len),
                            RD_KAFKA_V_KEY(key, key_len), RD_KAFKA_V_OPAQUE(opaque), RD_KAFKA_V_END);
  }
  return int_value(env, err);
}

/* connect(handle, timeoutMs) -> 0; an HN_CONNECTED event follows. */
static napi_value js_connect(napi_env env, napi_callback_info info) {
  napi_value argv[2];
  int32_t code, timeout;
  hn_producer *p = open_handle(env, info, 2, argv, &code);
  if (p == NULL) return int_value(env, code);
  if (!get_int(env, argv[1], &timeout)) return int_value(env, RD_KAFKA_RESP_ERR__INVALID_ARG);
  return int_value(env, hn_request_connect(p, timeout));
}

/* flush(handle, timeoutMs) -> 0; an HN_FLUSHED event follows. */
static napi_value js_flush(napi_env env, napi_callback_info info) {
  napi_value argv[2];
  int32_t code, timeout;
  hn_producer *p = open_handle(env, info, 2, argv, &code);
  if (p == NULL) return int_value(env, code);
  if (!get_int(env, argv[1], &timeout)) return int_value(env, RD_KAFKA_RESP_ERR__INVALID_ARG);
  return int_value(env, hn_request_flush(p, timeout));
}

/* ref(handle, keepAlive) -> 0: whether the event channel keeps the process alive. */
static napi_value js_ref(napi_env env, napi_callback_info info) {
  napi_value argv[2];
  int32_t code;
  hn_producer *p = open_handle(env, info, 2, argv, &code);
  if (p == NULL) return int_value(env, code);
  bool keep = false;
  if (napi_get_value_bool(env, argv[1], &keep) != napi_ok) return int_value(env, RD_KAFKA_RESP_ERR__INVALID_ARG);
  napi_status status = keep ? napi_ref_threadsafe_function(env, p->tsfn) : napi_unref_threadsafe_function(env, p->tsfn);
  return int_value(env, status == napi_ok ? 0 : RD_KAFKA_RESP_ERR__FAIL);
}

/* close(handle) -> 0: the poll thread destroys the producer, then HN_CLOSED arrives. */
static napi_value js_close(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  int32_t code;
  hn_producer *p = open_handle(env, info, 1, argv, &code);
  if (p == NULL) return int_value(env, code);
  /* Keep the process alive until HN_CLOSED, so an awaited close() completes. */
  napi_ref_threadsafe_function(env, p->tsfn);
  hn_close(p);
  return int_value(env, 0);
}

/* purge(handle) -> 0 or a code: drops queued and in-flight messages; their reports follow. */
static napi_value js_purge(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  int32_t code;
  hn_producer *p = open_handle(env, info, 1, argv, &code);
  if (p == NULL) return int_value(env, code);
  return int_value(env, rd_kafka_purge(p->rk, RD_KAFKA_PURGE_F_QUEUE | RD_KAFKA_PURGE_F_INFLIGHT | RD_KAFKA_PURGE_F_NON_BLOCKING));
}

/* queued(handle) -> messages librdkafka still holds, or a negative code. */
static napi_value js_queued(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  int32_t code;
  hn_producer *p = open_handle(env, info, 1, argv, &code);
  if (p == NULL) return int_value(env, code);
  return int_value(env, rd_kafka_outq_len(p->rk));
}

/* testFatal(handle, code, reason) -> 0 or a code: librdkafka's own fatal-error trigger, for tests. */
static napi_value js_test_fatal(napi_env env, napi_callback_info info) {
  napi_value argv[3];
  int32_t code, err;
  hn_producer *p = open_handle(env, info, 3, argv, &code);
  if (p == NULL) return int_value(env, code);
  char *reason = get_string(env, argv[2]);
  if (!get_int(env, argv[1], &err) || reason == NULL) {
    free(reason);
    return int_value(env, RD_KAFKA_RESP_ERR__INVALID_ARG);
  }
  rd_kafka_resp_err_t rc = rd_kafka_test_fatal_error(p->rk, (rd_kafka_resp_err_t)err, reason);
  free(reason);
  return int_value(env, rc);
}

static napi_value code_text(napi_env env, napi_callback_info info, int name) {
  size_t argc = 1;
  napi_value argv[1];
  int32_t code = 0;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc < 1 || !get_int(env, argv[0], &code)) code = RD_KAFKA_RESP_ERR__INVALID_ARG;
  return str_value(env, name ? rd_kafka_err2name(code) : rd_kafka_err2str(code));
}

/* errName(code) -> e.g. "_QUEUE_FULL"; errString(code) -> a sentence. */
static napi_value js_err_name(napi_env env, napi_callback_info info) { return code_text(env, info, 1); }
static napi_value js_err_string(napi_env env, napi_callback_info info) { return code_text(env, info, 0); }

NAPI_MODULE_INIT() {
  napi_property_descriptor props[] = {
      {"version", NULL, js_version, NULL, NULL, NULL, napi_enumerable, NULL},
      {"create", NULL, js_create, NULL, NULL, NULL, napi_enumerable, NULL},
      {"topic", NULL, js_topic, NULL, NULL, NULL, napi_enumerable, NULL},
      {"produce", NULL, js_produce, NULL, NULL, NULL, napi_enumerable, NULL},
      {"connect", NULL, js_connect, NULL, NULL, NULL, napi_enumerable, NULL},
      {"flush", NULL, js_flush, NULL, NULL, NULL, napi_enumerable, NULL},
      {"ref", NULL, js_ref, NULL, NULL, NULL, napi_enumerable, NULL},
      {"close", NULL, js_close, NULL, NULL, NULL, napi_enumerable, NULL},
      {"purge", NULL, js_purge, NULL, NULL, NULL, napi_enumerable, NULL},
      {"queued", NULL, js_queued, NULL, NULL, NULL, napi_enumerable, NULL},
      {"testFatal", NULL, js_test_fatal, NULL, NULL, NULL, napi_enumerable, NULL},
      {"errName", NULL, js_err_name, NULL, NULL, NULL, napi_enumerable, NULL},
      {"errString", NULL, js_err_string, NULL, NULL, NULL, napi_enumerable, NULL},
  };
  if (napi_define_properties(env, exports, sizeof props / sizeof props[0], props) != napi_ok) return NULL;
  return exports;
}
