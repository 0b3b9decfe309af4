// C shim over libedit: wraps the variadic el_set/history calls, reads input
// bytes itself (UTF-8 decoding, Ctrl-C, pasted tabs) and dispatches TAB to Swift.
#include "CEditLine.h"

#include <errno.h>
#include <histedit.h>
#include <langinfo.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <wchar.h>

struct dkq_editor {
    EditLine *el;
    History *history;
    char *prompt;
    dkq_complete_fn complete;
    void *context;
    int fd;
    int pushback;    // a byte read too far while decoding, or -1
    int interrupted; // the last gets ended by Ctrl-C
    int invalid;     // the last gets saw bytes that are not UTF-8
};

// Set by the SIGINT handler; a signal handler can only talk through a global.
static volatile sig_atomic_t dkq_sigint_seen = 0;

static void dkq_on_sigint(int signo) {
    (void)signo;
    dkq_sigint_seen = 1;
}

static int codeset_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL && (strcasecmp(codeset, "UTF-8") == 0 || strcasecmp(codeset, "utf8") == 0);
}

int dkq_setup_locale(void) {
    setlocale(LC_CTYPE, "");
    if (codeset_is_utf8()) return 1;
    if (setlocale(LC_CTYPE, "C.UTF-8") == NULL) setlocale(LC_CTYPE, "C.utf8");
    return codeset_is_utf8();
}

static dkq_editor *editor_of(EditLine *el) {
    dkq_editor *editor = NULL;
    el_get(el, EL_CLIENTDATA, &editor);
    return editor;
}

static char *dkq_prompt(EditLine *el) {
    dkq_editor *editor = editor_of(el);
    return editor != NULL && editor->prompt != NULL ? editor->prompt : "";
}

/// 1 byte, 0 at end of input, -1 on error, -2 on Ctrl-C.
static int read_byte(dkq_editor *editor, unsigned char *byte) {
    if (editor->pushback >= 0) {
        *byte = (unsigned char)editor->pushback;
        editor->pushback = -1;
        return 1;
    }
    for (;;) {
        if (dkq_sigint_seen) return -2;
        ssize_t n = read(editor->fd, byte, 1);
        if (n == 1) return 1;
        if (n == 0) return 0;
        if (errno != EINTR) return -1;
    }
}

static int input_pending(int fd) {
    struct pollfd p = {.fd = fd, .events = POLLIN};
    return poll(&p, 1, 0) > 0 && (p.revents & POLLIN);
}

/// libedit's character reader (EL_GETCFN): decodes UTF-8 itself so invalid
/// bytes become U+FFFD (and are reported) and Ctrl-C ends the line.
static int dkq_read_char(EditLine *el, wchar_t *out) {
    dkq_editor *editor = editor_of(el);
    unsigned char byte;
    *out = 0;
    int r = read_byte(editor, &byte);
    if (r == -2) {
        editor->interrupted = 1;
        return -1;
    }
    if (r <= 0) return r;
    if (byte < 0x80) {
        // A tab followed at once by more input is pasted text, not a TAB key.
        if (byte == '\t' && input_pending(editor->fd)) byte = ' ';
        *out = (wchar_t)byte;
        return 1;
    }
    int need;
    uint32_t code, least;
    if (byte >= 0xC2 && byte <= 0xDF) {
        need = 1; code = byte & 0x1F; least = 0x80;
    } else if (byte >= 0xE0 && byte <= 0xEF) {
        need = 2; code = byte & 0x0F; least = 0x800;
    } else if (byte >= 0xF0 && byte <= 0xF4) {
        need = 3; code = byte & 0x07; least = 0x10000;
    } else {
        editor->invalid = 1;
        *out = 0xFFFD;
        return 1;
    }
    for (int i = 0; i < need; i++) {
        unsigned char next;
        r = read_byte(editor, &next);
        if (r == -2) {
            editor->interrupted = 1;
            return -1;
        }
        if (r <= 0 || (next & 0xC0) != 0x80) {
            if (r == 1) editor->pushback = next;
            editor->invalid = 1;
            *out = 0xFFFD;
            return 1;
        }
        code = (code << 6) | (next & 0x3F);
    }
    if (code < least || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
        editor->invalid = 1;
        code = 0xFFFD;
    }
    *out = (wchar_t)code;
    return 1;
}

static unsigned char dkq_tab(EditLine *el, int ch) {
    (void)ch;
    dkq_editor *editor = editor_of(el);
    if (editor == NULL || editor->complete == NULL) return CC_ERROR;
    return editor->complete(editor, editor->context);
}

dkq_editor *dkq_editor_open(const char *program, int history_size) {
    dkq_editor *editor = calloc(1, sizeof *editor);
    if (editor == NULL) return NULL;
    editor->fd = fileno(stdin);
    editor->pushback = -1;
    editor->el = el_init(program, stdin, stdout, stderr);
    editor->history = history_init();
    if (editor->el == NULL || editor->history == NULL) {
        dkq_editor_close(editor);
        return NULL;
    }
    HistEvent event;
    history(editor->history, &event, H_SETSIZE, history_size);
    history(editor->history, &event, H_SETUNIQUE, 1);

    // A parent may hand us blocked signals; the editor needs these delivered.
    sigset_t needed;
    sigemptyset(&needed);
    int signals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP, SIGCONT, SIGWINCH};
    for (size_t i = 0; i < sizeof signals / sizeof signals[0]; i++) sigaddset(&needed, signals[i]);
    sigprocmask(SIG_UNBLOCK, &needed, NULL);

    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = dkq_on_sigint;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0; // no SA_RESTART: a blocked read returns EINTR
    sigaction(SIGINT, &action, NULL);

    EditLine *el = editor->el;
    el_set(el, EL_CLIENTDATA, editor);
    el_set(el, EL_EDITOR, "emacs");
    el_set(el, EL_SIGNAL, 1);
    el_set(el, EL_PROMPT, dkq_prompt);
    el_set(el, EL_HIST, history, editor->history);
    el_set(el, EL_GETCFN, dkq_read_char);
    el_set(el, EL_ADDFN, "dkq-complete", "Complete the word before the cursor", dkq_tab);
    el_set(el, EL_BIND, "^I", "dkq-complete", NULL);
    el_set(el, EL_BIND, "^R", "em-inc-search-prev", NULL);
    el_set(el, EL_BIND, "^S", "em-inc-search-next", NULL);
    el_set(el, EL_BIND, "\\e[1;5C", "em-next-word", NULL);
    el_set(el, EL_BIND, "\\e[1;5D", "ed-prev-word", NULL);
    el_set(el, EL_BIND, "\\e[1;3C", "em-next-word", NULL);
    el_set(el, EL_BIND, "\\e[1;3D", "ed-prev-word", NULL);
    el_set(el, EL_BIND, "\\e[H", "ed-move-to-beg", NULL);
    el_set(el, EL_BIND, "\\e[F", "ed-move-to-end", NULL);
    el_set(el, EL_BIND, "\\e[1~", "ed-move-to-beg", NULL);
    el_set(el, EL_BIND, "\\e[4~", "ed-move-to-end", NULL);
    el_set(el, EL_BIND, "\\e[3~", "ed-delete-next-char", NULL);
    return editor;
}

void dkq_editor_close(dkq_editor *editor) {
    if (editor == NULL) return;
    if (editor->el != NULL) el_end(editor->el);
    if (editor->history != NULL) history_end(editor->history);
    free(editor->prompt);
    free(editor);
}

void dkq_editor_set_prompt(dkq_editor *editor, const char *prompt) {
    char *copy = strdup(prompt);
    if (copy == NULL) return;
    free(editor->prompt);
    editor->prompt = copy;
}

void dkq_editor_set_completion(dkq_editor *editor, dkq_complete_fn fn, void *context) {
    editor->complete = fn;
    editor->context = context;
}

const char *dkq_editor_gets(dkq_editor *editor, int *count) {
    dkq_sigint_seen = 0;
    editor->interrupted = 0;
    editor->invalid = 0;
    editor->pushback = -1;
    const char *line = el_gets(editor->el, count);
    if (editor->interrupted || (line == NULL && dkq_sigint_seen)) {
        editor->interrupted = 1;
        dkq_sigint_seen = 0;
        el_reset(editor->el);
        *count = -1;
        return NULL;
    }
    return line;
}

int dkq_editor_interrupted(dkq_editor *editor) { return editor->interrupted; }

int dkq_editor_invalid_input(dkq_editor *editor) { return editor->invalid; }

void dkq_editor_history_add(dkq_editor *editor, const char *entry) {
    HistEvent event;
    history(editor->history, &event, H_ENTER, entry);
}

const char *dkq_editor_line(dkq_editor *editor, int *length, int *cursor) {
    const LineInfo *info = el_line(editor->el);
    *length = (int)(info->lastchar - info->buffer);
    *cursor = (int)(info->cursor - info->buffer);
    return info->buffer;
}

void dkq_editor_delete_before_cursor(dkq_editor *editor, int characters) {
    if (characters > 0) el_deletestr(editor->el, characters);
}

int dkq_editor_insert(dkq_editor *editor, const char *text) {
    return el_insertstr(editor->el, text) == 0 ? 0 : -1;
}

int dkq_editor_input_pending(dkq_editor *editor) {
    return editor->pushback >= 0 || input_pending(editor->fd);
}

int dkq_interrupt_pending(void) { return dkq_sigint_seen != 0; }

void dkq_interrupt_clear(void) { dkq_sigint_seen = 0; }

void dkq_ignore_sigpipe(int ignore) { signal(SIGPIPE, ignore ? SIG_IGN : SIG_DFL); }
