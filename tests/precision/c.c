/*
 * wordfreq.c - count word frequencies in text files and print the most common.
 *
 *   usage: wordfreq [-n COUNT] [-i] FILE...
 */
#include <ctype.h>
// <- c/include
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define WORD_MAX 64
//      ^^^^^^^^ c/define-constant
#define INITIAL_BUCKETS 256
#define LOAD_FACTOR_PERCENT 75

#ifdef WORDFREQ_DEBUG
//     ^^^^^^^^^^^^^^ c/conditional-compilation
#define TRACE(...) fprintf(stderr, __VA_ARGS__)
//      ^^^^^ c/function-like-macro
#else
#define TRACE(...) ((void)0)
//      ^ !c/conditional-compilation
#endif

_Static_assert(WORD_MAX > 1, "a word needs room for its terminator");
// <- c/static-assert

extern char *optarg;
// <- c/extern
extern int optind;

typedef struct entry {
// <- c/typedef
//      ^^^^^^ c/struct
    char word[WORD_MAX];
    //   ^^^^^^^^^^^^^^ c/char-array
    unsigned long count;
    //            ^^^^^ !c/struct
    struct entry *next;
} entry_t;

typedef struct {
    entry_t **buckets;
    size_t bucket_count;
    size_t size;
} table_t;

enum exit_code { WF_OK = 0, WF_USAGE = 2, WF_IO = 3, WF_NOMEM = 4 };
//   ^^^^^^^^^ c/enum

struct options {
    unsigned int ignore_case : 1;
    //           ^^^^^^^^^^^ c/bit-field
    unsigned int quiet : 1;
    size_t top;
};

typedef int (*compare_fn)(const void *, const void *);
//           ^^^^^^^^^^^ c/function-pointer

static const char *program_name = "wordfreq";
//     ^^^^^ c/const
static volatile sig_atomic_t interrupted = 0;
//     ^^^^^^^^ c/volatile

static void on_interrupt(int signo) {
// <- c/static-file-scope
    (void)signo;
    // <- c/cast
    interrupted = 1;
    // <- !c/static-file-scope
}

static void fail(enum exit_code code, const char *format, ...) {
//                                                        ^^^ c/variadic-function
    va_list ap;
    va_start(ap, format);
    fprintf(stderr, "%s: ", program_name);
    vfprintf(stderr, format, ap);
    va_end(ap);
    fputc('\n', stderr);
    exit(code);
}

static inline unsigned long hash_word(const char *restrict word) {
//     ^^^^^^ c/inline
//                                                ^^^^^^^^ c/restrict
    unsigned long h = 5381;
    for (const unsigned char *p = (const unsigned char *)word; *p != '\0'; p++)
        h = h * 33 + *p;
        //  ^^^^^^ !c/for-loop
    return h;
}

static int table_init(table_t *t, size_t buckets) {
    t->buckets = calloc(buckets, sizeof *t->buckets);
    // <- c/arrow-operator
    //           ^^^^^^ c/calloc
    //                           ^^^^^^ c/sizeof
    if (t->buckets == NULL)
        return -1;
    t->bucket_count = buckets;
    t->size = 0;
    return 0;
}

static int table_grow(table_t *t) {
    size_t new_count = t->bucket_count * 2;
    entry_t **fresh = calloc(new_count, sizeof *fresh);
    if (fresh == NULL)
    //           ^^^^ c/null
        return -1;
    for (size_t i = 0; i < t->bucket_count; i++) {
        entry_t *e = t->buckets[i];
        while (e != NULL) {
        // <- c/while-loop
            entry_t *next = e->next;
            size_t slot = hash_word(e->word) % new_count;
            e->next = fresh[slot];
            fresh[slot] = e;
            e = next;
            //  ^^^^ !c/while-loop
        }
    }
    free(t->buckets);
    t->buckets = fresh;
    t->bucket_count = new_count;
    return 0;
}

static entry_t *table_add(table_t *t, const char *word) {
    size_t slot = hash_word(word) % t->bucket_count;
    for (entry_t *e = t->buckets[slot]; e != NULL; e = e->next) {
        if (strcmp(e->word, word) == 0) {
            e->count++;
            return e;
        }
    }
    if ((t->size + 1) * 100 > t->bucket_count * LOAD_FACTOR_PERCENT) {
        if (table_grow(t) != 0)
            return NULL;
        slot = hash_word(word) % t->bucket_count;
    }
    entry_t *e = malloc(sizeof *e);
    //           ^^^^^^ c/malloc
    if (e == NULL)
        return NULL;
    snprintf(e->word, sizeof e->word, "%s", word);
    e->count = 1;
    e->next = t->buckets[slot];
    t->buckets[slot] = e;
    t->size++;
    return e;
}

static void table_free(table_t *t) {
    for (size_t i = 0; i < t->bucket_count; i++) {
        entry_t *e = t->buckets[i];
        while (e != NULL) {
            entry_t *next = e->next;
            free(e);
            // <- c/free
            e = next;
        }
    }
    free(t->buckets);
    *t = (table_t){0};
    // <- c/dereference
    //   ^^^^^^^^^^^^ c/compound-literal
}

static int by_count_desc(const void *a, const void *b) {
    const entry_t *const *x = a;
    //             ^^^^^ c/const-pointer
    const entry_t *const *y = b;
    if ((*x)->count != (*y)->count)
        return (*x)->count < (*y)->count ? 1 : -1;
    return strcmp((*x)->word, (*y)->word);
}

static void warn_truncated(const char *prefix) {
    static int warned = 0;
    // <- c/static-local
    if (warned)
    //  ^^^^^^ !c/static-local
        return;
    warned = 1;
    fprintf(stderr, "%s: words longer than %d characters are truncated (%s...)\n",
            program_name, WORD_MAX - 1, prefix);
}

static int count_file(table_t *t, FILE *in, const struct options *opts) {
    char word[WORD_MAX];
    size_t len = 0;
    int c;
    do {
    // <- c/do-while
        c = getc(in);
        if (c != EOF && (isalnum(c) || c == '\'')) {
            if (len < sizeof word - 1) {
                word[len++] = (char)(opts->ignore_case ? tolower(c) : c);
            } else {
                word[len] = '\0';
                warn_truncated(word);
            }
            continue;
            // <- c/continue
        }
        if (len == 0)
            continue;
        word[len] = '\0';
        len = 0;
        // <- !c/do-while
        if (table_add(t, word) == NULL)
            return -1;
    } while (c != EOF && !interrupted);
    return ferror(in) ? -1 : 0;
    //                ^ c/conditional-operator
}

static entry_t **sorted_entries(const table_t *t) {
    entry_t **list = NULL;
    size_t used = 0, capacity = 0;
    for (size_t i = 0; i < t->bucket_count; i++) {
        for (entry_t *e = t->buckets[i]; e != NULL; e = e->next) {
            if (used == capacity) {
                size_t grown = capacity ? capacity * 2 : 16;
                entry_t **tmp = realloc(list, grown * sizeof *tmp);
                //              ^^^^^^^ c/realloc
                if (tmp == NULL) {
                    free(list);
                    return NULL;
                }
                list = tmp;
                capacity = grown;
            }
            list[used++] = e;
            // <- c/subscript
        }
    }
    compare_fn order = by_count_desc;
    if (used > 0)
        qsort(list, used, sizeof *list, order);
    return list;
}

static size_t parse_count(const char *text) {
    char *end = NULL;
    //   ^^^^ c/pointer-declaration
    errno = 0;
    unsigned long value = strtoul(text, &end, 10);
    //                                  ^^^^ c/address-of
    if (errno != 0 || end == text || *end != '\0' || value == 0)
        fail(WF_USAGE, "invalid count '%s'", text);
    return (size_t)value;
}

int main(int argc, char *argv[]) {
//                       ^^^^^^ c/array-parameter
    struct options opts = {.ignore_case = 0, .quiet = 0, .top = 10};
    //                     ^^^^^^^^^^^^^^^^ c/designated-initializer
    table_t table;
    entry_t **ranked = NULL;
    int status = WF_OK;
    int opt;

    while ((opt = getopt(argc, argv, "n:iq")) != -1) {
        switch (opt) {
        // <- c/switch
        case 'n':
        // <- c/case-label
            opts.top = parse_count(optarg);
            // <- c/dot-operator
            break;
            // <- c/break
        case 'i':
            opts.ignore_case = 1;
            //                 ^ !c/case-label
            break;
        case 'q':
            opts.quiet = 1;
            break;
        default:
            fail(WF_USAGE, "usage: %s [-n COUNT] [-i] [-q] FILE...", program_name);
        }
    }
    if (optind >= argc)
        fail(WF_USAGE, "no input files");
    signal(SIGINT, on_interrupt);
    if (table_init(&table, INITIAL_BUCKETS) != 0)
        fail(WF_NOMEM, "out of memory");

    for (int i = optind; i < argc; i++) {
    // <- c/for-loop
        FILE *in = strcmp(argv[i], "-") == 0 ? stdin : fopen(argv[i], "r");
        if (in == NULL) {
            fprintf(stderr, "%s: %s: %s\n", program_name, argv[i], strerror(errno));
            status = WF_IO;
            //       ^^^^^ !c/for-loop
            continue;
        }
        int rc = count_file(&table, in, &opts);
        if (in != stdin)
            fclose(in);
        if (rc != 0) {
            status = WF_IO;
            goto cleanup;
            // <- c/goto
        }
        TRACE("%s: %zu distinct words so far\n", argv[i], table.size);
    }

    ranked = sorted_entries(&table);
    if (ranked == NULL && table.size > 0) {
        status = WF_NOMEM;
        goto cleanup;
    }
    size_t shown = table.size < opts.top ? table.size : opts.top;
    for (size_t i = 0; i < shown; i++) {
        const entry_t *e = *(ranked + i);
        //                   ^^^^^^^^^^ c/pointer-arithmetic
        if (!opts.quiet)
            printf("%7lu %s\n", e->count, e->word);
            //     ^^^^^^^^^^^ c/string-literal
    }

cleanup:
    free(ranked);
    //   ^^^^^^ !c/goto
    table_free(&table);
    return status;
}
