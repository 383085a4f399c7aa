/* The producer's life: configuration, the poll thread that serves librdkafka's callbacks, and the
 * hand-off of what they report to the JS thread through one threadsafe function. */
#include "producer.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Reports handed to JS in one ArrayBuffer at most; a wakeup with more sends several. */
#define HN_BATCH_MAX 4096
#define HN_POLL_MS 100
#define HN_CONNECT_FIRST_WAIT_MS 200

static int64_t now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static char *dup_n(const char *s, size_t n) {
  char *out = malloc(n + 1);
  if (out == NULL) return NULL;
  if (n > 0) memcpy(out, s, n);
  out[n] = '\0';
  return out;
}

static char *dup_s(const char *s) { return s == NULL ? dup_n("", 0) : dup_n(s, strlen(s)); }

static void free_event(hn_event *ev) {
  if (ev == NULL) return;
  free(ev->s1);
  free(ev->s2);
  free(ev->records);
  free(ev);
}

/* Queues ev for the JS thread; frees it when the threadsafe function is closing. */
static void send_event(hn_producer *p, hn_event *ev) {
  if (ev == NULL) return;
  if (napi_call_threadsafe_function(p->tsfn, ev, napi_tsfn_nonblocking) != napi_ok) free_event(ev);
}

static hn_event *new_event(int kind, int32_t code, const char *s1, const char *s2) {
  hn_event *ev = calloc(1, sizeof *ev);
  if (ev == NULL) return NULL;
  ev->kind = kind;
  ev->code = code;
  if (s1 != NULL) ev->s1 = dup_s(s1);
  if (s2 != NULL) ev->s2 = dup_s(s2);
  return ev;
}

static int on_poll_thread(hn_producer *p) { return p->thread_started && pthread_equal(pthread_self(), p->thread); }

/* Hands the collected delivery reports to JS (poll thread only). */
static void send_deliveries(hn_producer *p) {
  if (p->batch_len == 0) return;
  hn_event *ev = calloc(1, sizeof *ev);
  if (ev == NULL) return; /* out of memory: the publisher's own timeouts settle these */
  ev->kind = HN_DELIVERIES;
  ev->count = p->batch_len;
  ev->records = p->batch;
  p->batch = NULL;
  p->batch_len = 0;
  send_event(p, ev);
}

/* Sends a non-delivery event, after the reports collected before it so order is kept. */
static void send_other(hn_producer *p, hn_event *ev) {
  if (on_poll_thread(p)) send_deliveries(p);
  send_event(p, ev);
}

static void dr_msg_cb(rd_kafka_t *rk, const rd_kafka_message_t *m, void *opaque) {
  (void)rk;
  hn_producer *p = opaque;
  if (p->batch == NULL) {
    p->batch = malloc(sizeof(hn_delivery) * HN_BATCH_MAX);
    if (p->batch == NULL) return;
  }
  hn_delivery *d = &p->batch[p->batch_len++];
  d->id = (double)(uintptr_t)m->_private;
  d->offset = (double)m->offset;
  rd_kafka_timestamp_type_t type;
  int64_t ts = rd_kafka_message_timestamp(m, &type);
  d->timestamp = type == RD_KAFKA_TIMESTAMP_NOT_AVAILABLE ? -1 : (double)ts;
  d->err = (int32_t)m->err;
  d->partition = m->partition;
  d->status = (int32_t)rd_kafka_message_status(m);
  d->reserved = 0;
  if (p->batch_len == HN_BATCH_MAX) send_deliveries(p);
}

static void error_cb(rd_kafka_t *rk, int err, const char *reason, void *opaque) {
  (void)rk;
  hn_producer *p = opaque;
  send_other(p, new_event(HN_ERROR, err, reason, NULL));
}

static void log_cb(const rd_kafka_t *rk, int level, const char *fac, const char *buf) {
  hn_producer *p = rd_kafka_opaque(rk);
  if (p == NULL) return;
  hn_event *ev = new_event(HN_LOG, level, fac, buf);
  send_other(p, ev);
}

static int stats_cb(rd_kafka_t *rk, char *json, size_t len, void *opaque) {
  (void)rk;
  hn_producer *p = opaque;
  hn_event *ev = calloc(1, sizeof *ev);
  if (ev == NULL) return 0;
  ev->kind = HN_STATS;
  ev->s1 = dup_n(json, len);
  send_other(p, ev);
  return 0; /* librdkafka frees json */
}

hn_producer *hn_create(napi_env env, char **pairs, int pair_count, napi_value callback, char *errstr, size_t errstr_size);

static void call_js(napi_env env, napi_value js_cb, void *context, void *data);
static void tsfn_finalize(napi_env env, void *data, void *hint);
static void env_cleanup(void *arg);

hn_producer *hn_create(napi_env env, char **pairs, int pair_count, napi_value callback, char *errstr, size_t errstr_size) {
  rd_kafka_conf_t *conf = rd_kafka_conf_new();
  for (int i = 0; i + 1 < pair_count; i += 2) {
    if (rd_kafka_conf_set(conf, pairs[i], pairs[i + 1], errstr, errstr_size) != RD_KAFKA_CONF_OK) {
      rd_kafka_conf_destroy(conf);
      return NULL;
    }
  }
  /* Logs go through the poll thread like every other callback, never from librdkafka's threads. */
  if (rd_kafka_conf_set(conf, "log.queue", "true", errstr, errstr_size) != RD_KAFKA_CONF_OK) {
    rd_kafka_conf_destroy(conf);
    return NULL;
  }
  hn_producer *p = calloc(1, sizeof *p);
  if (p == NULL) {
    rd_kafka_conf_destroy(conf);
    snprintf(errstr, errstr_size, "out of memory");
    return NULL;
  }
  p->env = env;
  pthread_mutex_init(&p->mu, NULL);
  rd_kafka_conf_set_opaque(conf, p);
  rd_kafka_conf_set_dr_msg_cb(conf, dr_msg_cb);
  rd_kafka_conf_set_error_cb(conf, error_cb);
  rd_kafka_conf_set_log_cb(conf, log_cb);
  rd_kafka_conf_set_stats_cb(conf, stats_cb);

  napi_value name;
  napi_create_string_utf8(env, "herald-native-producer", NAPI_AUTO_LENGTH, &name);
  if (napi_create_threadsafe_function(env, callback, NULL, name, 0, 1, p, tsfn_finalize, p, call_js, &p->tsfn) != napi_ok) {
    rd_kafka_conf_destroy(conf);
    pthread_mutex_destroy(&p->mu);
    free(p);
    snprintf(errstr, errstr_size, "cannot create the event channel");
    return NULL;
  }
  p->refs = 1; /* the threadsafe function's */
  p->rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, errstr_size);
  if (p->rk == NULL) {
    rd_kafka_conf_destroy(conf);
    p->closing = 1;
    napi_release_threadsafe_function(p->tsfn, napi_tsfn_abort); /* the finalizer frees p */
    return NULL;
  }
  rd_kafka_set_log_queue(p->rk, NULL);
  return p;
}

static void teardown(hn_producer *p) {
  /* The publisher settled everything before closing: drop what is left instead of waiting. */
  rd_kafka_purge(p->rk, RD_KAFKA_PURGE_F_QUEUE | RD_KAFKA_PURGE_F_INFLIGHT | RD_KAFKA_PURGE_F_NON_BLOCKING);
  rd_kafka_poll(p->rk, 0);
  free(p->batch);
  p->batch = NULL;
  p->batch_len = 0;
  for (int i = 0; i < p->topic_count; i++) rd_kafka_topic_destroy(p->topics[i]);
  free(p->topics);
  p->topics = NULL;
  p->topic_count = 0;
  rd_kafka_destroy_flags(p->rk, RD_KAFKA_DESTROY_F_NO_CONSUMER_CLOSE);
  p->rk = NULL;
}

/* One metadata attempt of a connect (poll thread). Each attempt waits twice as long as the one
 * before (200 ms first, never past the deadline): short waits keep logs flowing while the broker is
 * unreachable, growing ones let a slow broker answer (a request that outlives its wait is dropped). */
static void connect_step(hn_producer *p, int64_t deadline) {
  const struct rd_kafka_metadata *md = NULL;
  int64_t left = deadline - now_ms();
  pthread_mutex_lock(&p->mu);
  int64_t wait = p->connect_wait_ms < left ? p->connect_wait_ms : left;
  if (p->connect_wait_ms < left) p->connect_wait_ms *= 2;
  pthread_mutex_unlock(&p->mu);
  rd_kafka_resp_err_t err = rd_kafka_metadata(p->rk, 0, NULL, &md, wait > 0 ? (int)wait : 1);
  if (md != NULL) rd_kafka_metadata_destroy(md);
  if (err != RD_KAFKA_RESP_ERR_NO_ERROR && now_ms() < deadline) return;
  pthread_mutex_lock(&p->mu);
  if (p->connect_deadline == deadline) p->connect_deadline = 0;
  pthread_mutex_unlock(&p->mu);
  send_other(p, new_event(HN_CONNECTED, err, NULL, NULL));
}

static void flush_step(hn_producer *p, int64_t deadline) {
  int64_t left = deadline - now_ms();
  int wait = left < HN_POLL_MS ? (int)(left > 0 ? left : 0) : HN_POLL_MS;
  /* rd_kafka_flush sends lingering batches now and serves delivery reports on this thread. */
  rd_kafka_flush(p->rk, wait);
  int queued = rd_kafka_outq_len(p->rk);
  if (queued > 0 && now_ms() < deadline) return;
  pthread_mutex_lock(&p->mu);
  if (p->flush_deadline == deadline) p->flush_deadline = 0;
  pthread_mutex_unlock(&p->mu);
  send_deliveries(p);
  hn_event *ev = new_event(HN_FLUSHED, queued, NULL, NULL);
  send_event(p, ev);
}

static void *poll_main(void *arg) {
  hn_producer *p = arg;
  for (;;) {
    pthread_mutex_lock(&p->mu);
    int stop = p->stop;
    int64_t flush_deadline = p->flush_deadline;
    int64_t connect_deadline = p->connect_deadline;
    pthread_mutex_unlock(&p->mu);
    if (stop) break;
    if (connect_deadline != 0) connect_step(p, connect_deadline);
    if (flush_deadline != 0) flush_step(p, flush_deadline);
    else rd_kafka_poll(p->rk, connect_deadline != 0 ? 0 : HN_POLL_MS);
    send_deliveries(p);
  }
  teardown(p);
  send_event(p, new_event(HN_CLOSED, 0, NULL, NULL));
  napi_release_threadsafe_function(p->tsfn, napi_tsfn_release);
  return NULL;
}

int hn_start(hn_producer *p) {
  int rc = pthread_create(&p->thread, NULL, poll_main, p);
  if (rc != 0) return rc;
  p->thread_started = 1;
  if (napi_add_env_cleanup_hook(p->env, env_cleanup, p) == napi_ok) p->cleanup_hook = 1;
  return 0;
}

int hn_topic(hn_producer *p, const char *name) {
  if (p->topic_count == p->topic_cap) {
    int cap = p->topic_cap == 0 ? 8 : p->topic_cap * 2;
    rd_kafka_topic_t **grown = realloc(p->topics, sizeof *grown * (size_t)cap);
    if (grown == NULL) return RD_KAFKA_RESP_ERR__NOENT;
    p->topics = grown;
    p->topic_cap = cap;
  }
  rd_kafka_topic_t *rkt = rd_kafka_topic_new(p->rk, name, NULL);
  if (rkt == NULL) return rd_kafka_last_error();
  p->topics[p->topic_count] = rkt;
  return p->topic_count++;
}

int hn_request_connect(hn_producer *p, int timeout_ms) {
  pthread_mutex_lock(&p->mu);
  p->connect_deadline = now_ms() + (timeout_ms > 0 ? timeout_ms : 1);
  p->connect_wait_ms = HN_CONNECT_FIRST_WAIT_MS;
  pthread_mutex_unlock(&p->mu);
  rd_kafka_yield(p->rk);
  return 0;
}

int hn_request_flush(hn_producer *p, int timeout_ms) {
  pthread_mutex_lock(&p->mu);
  int64_t deadline = now_ms() + (timeout_ms > 0 ? timeout_ms : 0);
  /* A flush already running keeps the later of the two deadlines. */
  if (deadline > p->flush_deadline) p->flush_deadline = deadline == 0 ? 1 : deadline;
  pthread_mutex_unlock(&p->mu);
  rd_kafka_yield(p->rk);
  return 0;
}

/* Wakes the poll thread to stop. The yield happens under the lock: the thread reads `stop` under
 * it too, so it cannot have destroyed the handle before the yield. */
static void request_stop(hn_producer *p) {
  pthread_mutex_lock(&p->mu);
  p->stop = 1;
  if (p->rk != NULL && p->thread_started) rd_kafka_yield(p->rk);
  pthread_mutex_unlock(&p->mu);
}

void hn_close(hn_producer *p) {
  if (p->closing) return;
  p->closing = 1;
  request_stop(p);
  if (!p->thread_started) {
    /* Never started: tear down here; the release lets the finalizer free p. */
    teardown(p);
    napi_release_threadsafe_function(p->tsfn, napi_tsfn_release);
  }
}

static void join_thread(hn_producer *p) {
  if (p->thread_started && !p->thread_joined) {
    pthread_join(p->thread, NULL);
    p->thread_joined = 1;
  }
}

/* The Node environment (main thread or a worker) is going away: no thread may outlive it. */
static void env_cleanup(void *arg) {
  hn_producer *p = arg;
  p->cleanup_hook = 0;
  if (!p->closing) {
    p->closing = 1;
    request_stop(p);
  }
  join_thread(p);
}

void hn_unref(hn_producer *p) {
  if (--p->refs > 0) return;
  pthread_mutex_destroy(&p->mu);
  free(p->batch);
  free(p->topics);
  free(p);
}

static void tsfn_finalize(napi_env env, void *data, void *hint) {
  (void)data;
  hn_producer *p = hint;
  join_thread(p);
  if (p->cleanup_hook) {
    napi_remove_env_cleanup_hook(env, env_cleanup, p);
    p->cleanup_hook = 0;
  }
  hn_unref(p);
}

static napi_value str_or_empty(napi_env env, const char *s) {
  napi_value v;
  napi_create_string_utf8(env, s == NULL ? "" : s, NAPI_AUTO_LENGTH, &v);
  return v;
}

static void call_js(napi_env env, napi_value js_cb, void *context, void *data) {
  (void)context;
  hn_event *ev = data;
  if (env == NULL || js_cb == NULL) {
    free_event(ev);
    return;
  }
  napi_value argv[4];
  size_t argc = 1;
  napi_create_int32(env, ev->kind, &argv[0]);
  switch (ev->kind) {
    case HN_DELIVERIES: {
      void *bytes = NULL;
      size_t size = sizeof(hn_delivery) * ev->count;
      if (napi_create_arraybuffer(env, size, &bytes, &argv[1]) != napi_ok) {
        free_event(ev);
        return;
      }
      memcpy(bytes, ev->records, size);
      napi_create_uint32(env, ev->count, &argv[2]);
      argc = 3;
      break;
    }
    case HN_ERROR:
      napi_create_int32(env, ev->code, &argv[1]);
      argv[2] = str_or_empty(env, ev->s1);
      argc = 3;
      break;
    case HN_LOG:
      napi_create_int32(env, ev->code, &argv[1]);
      argv[2] = str_or_empty(env, ev->s1);
      argv[3] = str_or_empty(env, ev->s2);
      argc = 4;
      break;
    case HN_STATS:
      argv[1] = str_or_empty(env, ev->s1);
      argc = 2;
      break;
    case HN_CONNECTED:
    case HN_FLUSHED:
      napi_create_int32(env, ev->code, &argv[1]);
      argc = 2;
      break;
    default:
      break;
  }
  free_event(ev);
  napi_value global;
  napi_get_global(env, &global);
  napi_call_function(env, global, js_cb, argc, argv, NULL);
}
