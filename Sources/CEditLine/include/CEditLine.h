// C shim over libedit's native API: non-variadic wrappers Swift can call, a
// UTF-8 input reader that reports Ctrl-C and invalid bytes, and TAB binding.
#ifndef DKQ_CEDITLINE_H
#define DKQ_CEDITLINE_H

/// One line editor (libedit EditLine + History) with its prompt and callbacks.
typedef struct dkq_editor dkq_editor;

/// Return codes a key function gives libedit (the CC_* values of histedit.h).
enum {
    DKQ_CC_NORM = 0,
    DKQ_CC_REFRESH = 4,
    DKQ_CC_ERROR = 6,
    DKQ_CC_REDISPLAY = 8,
    DKQ_CC_REFRESH_BEEP = 9,
};

/// Called on TAB with the editor and the context given to `dkq_editor_set_completion`.
/// Returns one of the DKQ_CC_* codes.
typedef unsigned char (*dkq_complete_fn)(dkq_editor *editor, void *context);

/// Sets LC_CTYPE from the environment, falling back to C.UTF-8 when the
/// resulting codeset is not UTF-8. Never touches LC_ALL or LC_NUMERIC.
/// Returns 1 when the active codeset is UTF-8.
int dkq_setup_locale(void);

/// Opens an editor on stdin/stdout/stderr: emacs keys, Ctrl-R search,
/// EL_SIGNAL, an in-memory history of at most `history_size` entries.
/// Installs a SIGINT handler that only records the interrupt.
dkq_editor *dkq_editor_open(const char *program, int history_size);
void dkq_editor_close(dkq_editor *editor);

/// Sets the prompt shown by the next `dkq_editor_gets` (copied).
void dkq_editor_set_prompt(dkq_editor *editor, const char *prompt);

/// Binds TAB to `fn(editor, context)`.
void dkq_editor_set_completion(dkq_editor *editor, dkq_complete_fn fn, void *context);

/// Reads one line (UTF-8, with its newline). Returns NULL at end of input
/// (`*count` 0) or on error or interrupt (`*count` -1; see `dkq_editor_interrupted`).
const char *dkq_editor_gets(dkq_editor *editor, int *count);

/// True when the last `dkq_editor_gets` ended because of Ctrl-C (SIGINT).
int dkq_editor_interrupted(dkq_editor *editor);

/// True when the last `dkq_editor_gets` read bytes that are not UTF-8; each
/// invalid sequence reached the line as U+FFFD.
int dkq_editor_invalid_input(dkq_editor *editor);

/// 1 when more input is already waiting (a paste in progress), else 0.
int dkq_editor_input_pending(dkq_editor *editor);

/// Adds an entry (may contain newlines) to the in-memory history.
void dkq_editor_history_add(dkq_editor *editor, const char *entry);

/// The line being edited as UTF-8 (not NUL-terminated at the cursor):
/// `*length` bytes, the cursor at byte `*cursor`.
const char *dkq_editor_line(dkq_editor *editor, int *length, int *cursor);

/// Deletes `characters` characters before the cursor.
void dkq_editor_delete_before_cursor(dkq_editor *editor, int characters);

/// Inserts UTF-8 `text` at the cursor. Returns 0 on success.
int dkq_editor_insert(dkq_editor *editor, const char *text);

/// 1 when Ctrl-C (SIGINT) arrived since the last `dkq_interrupt_clear`
/// (the handler is installed by `dkq_editor_open`), else 0.
int dkq_interrupt_pending(void);
void dkq_interrupt_clear(void);

/// Sets SIGPIPE to ignored (1) or default (0): a pager that quits early must not end dkq.
void dkq_ignore_sigpipe(int ignore);

#endif
