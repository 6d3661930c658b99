;;; check.el --- Headless check of the Emacs set-up (zerocarbon-mode.el with eglot)  -*- lexical-binding: t; -*-

;;; Commentary:

;; Opens one .zc file in `zerocarbon-mode', starts `zcw lsp' through eglot, waits for the server's diagnostics as
;; Flymake shows them, then (optionally) asks for completions through `completion-at-point''s eglot function and
;; for the footprints (`zerocarbon-footprints'), writes all of it as JSON to a file and exits.  The language
;; server tests (EmacsEglotTest) run it; by hand:
;;
;;   ZC_EMACS_FILE=examples/housing-cell/model/cell.zc ZC_EMACS_ROOT=examples/housing-cell \
;;   ZC_EMACS_FOLDERS='["examples/zc-library"]' ZC_EMACS_OUT=/tmp/zc.json ZC_EMACS_CMD='["./zcw","lsp"]' \
;;     emacs --batch -l editors/emacs/zerocarbon-mode.el -l editors/emacs/check.el
;;
;; Environment: ZC_EMACS_FILE the file, ZC_EMACS_OUT where the JSON goes, ZC_EMACS_CMD the server command (a JSON
;; array, default ["zcw","lsp"]), ZC_EMACS_ROOT the first workspace folder, ZC_EMACS_FOLDERS more folders (a JSON
;; array), ZC_EMACS_TIMEOUT seconds to wait (default 60), ZC_EMACS_COMPLETE a text of the file: the completions
;; are asked at its end, after the rest of the name there is deleted (so "factor H" of "factor HGV_2015" asks
;; what completes "H"), ZC_EMACS_LENSES=1 to wait for the footprints too.
;; Output: {"diagnostics": [{"line", "character", "severity", "code", "message", "text"}], "completions": [...],
;; "prefix": "H", "lenses": [{"line", "title"}], "timedOut": false, "eglot": "1.9"} with zero-based lines and
;; columns as in the protocol, severities "error", "warning" or "note" (Flymake's types) and "text" the message as
;; Flymake shows it; exit code 0, or 1 after a time-out.

;;; Code:

(require 'cl-lib)
(require 'json)
(unless (require 'eglot nil t)
  (package-initialize)
  (require 'eglot))
(require 'flymake)

(defun zerocarbon-check--env (name &optional default)
  "The environment variable NAME, or DEFAULT when it is unset or empty."
  (let ((value (getenv name)))
    (if (or (null value) (string-empty-p value)) default value)))

(defun zerocarbon-check--wait (timeout predicate)
  "Run timers and read process output until PREDICATE holds or TIMEOUT seconds have passed; PREDICATE's value."
  (let ((deadline (+ (float-time) timeout)) result)
    (while (and (not (setq result (funcall predicate))) (< (float-time) deadline))
      (accept-process-output nil 0.1)
      (sit-for 0.05))
    result))

(defun zerocarbon-check--position (pos)
  "POS as (LINE . CHARACTER), zero-based; the character counts code points as Emacs does."
  (save-excursion
    (goto-char pos)
    (cons (1- (line-number-at-pos pos t)) (- pos (line-beginning-position)))))

(defun zerocarbon-check--diagnostic (diagnostic)
  "A Flymake DIAGNOSTIC as a JSON object (an alist), with the server's code from eglot's data."
  (let* ((spec (alist-get 'eglot-lsp-diag (flymake-diagnostic-data diagnostic)))
         (start (zerocarbon-check--position (flymake-diagnostic-beg diagnostic)))
         (type (flymake-diagnostic-type diagnostic)))
    `((line . ,(car start))
      (character . ,(cdr start))
      (severity . ,(cond ((memq type '(eglot-error :error)) "error")
                         ((memq type '(eglot-warning :warning)) "warning")
                         (t "note")))
      (code . ,(plist-get spec :code))
      (message . ,(plist-get spec :message))
      (text . ,(flymake-diagnostic-text diagnostic)))))

(defun zerocarbon-check--complete (text)
  "Completions at the end of TEXT after the rest of the name there is deleted: (PREFIX . CANDIDATES)."
  (goto-char (point-min))
  (unless (search-forward text nil t)
    (error "ZC_EMACS_COMPLETE: %S is not in the file" text))
  (delete-region (point) (save-excursion (skip-syntax-forward "w_") (point)))
  ;; eglot sends the change before the request; the capf of the buffer is eglot's
  (let* ((capf (run-hook-wrapped 'completion-at-point-functions
                                 (lambda (f) (and (functionp f) (funcall f)))))
         (start (nth 0 capf)) (end (nth 1 capf)) (table (nth 2 capf))
         (prefix (buffer-substring-no-properties start end)))
    (cons prefix (all-completions prefix table))))

(defun zerocarbon-check--eglot-version ()
  "The version of eglot: its source's Version header, else Emacs's (eglot built in)."
  (let ((source (locate-library "eglot.el")))
    (or (and source (require 'lisp-mnt nil t)
             (with-temp-buffer (insert-file-contents source) (lm-header "Version")))
        (concat "Emacs " emacs-version))))

(defvar zerocarbon-check--file nil "The file checked.")
(defvar zerocarbon-check--published nil "Whether the server has published the diagnostics of the file.")

(cl-defmethod eglot-handle-notification :after
  (_server (_method (eql textDocument/publishDiagnostics)) &key uri &allow-other-keys)
  "Notes that the server published the diagnostics of the file checked."
  (when (equal (file-truename (eglot--uri-to-path uri)) (file-truename zerocarbon-check--file))
    (setq zerocarbon-check--published t)))

(defun zerocarbon-check--lenses ()
  "The footprints of the buffer as `zerocarbon-footprints' shows them, once every lens has its title; else nil."
  (let ((lenses (zerocarbon-footprints t)))
    (if (and lenses (cl-every #'cdr lenses))
        lenses
      (sleep-for 0.25)
      nil)))

(let* ((file (expand-file-name (or (zerocarbon-check--env "ZC_EMACS_FILE") (error "ZC_EMACS_FILE is not set"))))
       (out (or (zerocarbon-check--env "ZC_EMACS_OUT") (error "ZC_EMACS_OUT is not set")))
       (timeout (string-to-number (zerocarbon-check--env "ZC_EMACS_TIMEOUT" "60")))
       (root (zerocarbon-check--env "ZC_EMACS_ROOT"))
       (complete (zerocarbon-check--env "ZC_EMACS_COMPLETE"))
       (lenses-wanted (equal (zerocarbon-check--env "ZC_EMACS_LENSES") "1"))
       (json-array-type 'list)
       (ok t) result completion lenses)
  ;; a relative program (./zcw) is the one of the directory Emacs started in: eglot starts it in the file's
  (setq zerocarbon-server-command (let ((command (json-read-from-string (zerocarbon-check--env "ZC_EMACS_CMD" "[\"zcw\",\"lsp\"]"))))
                                    (if (string-match-p "/" (car command))
                                        (cons (expand-file-name (car command)) (cdr command))
                                      command))
        zerocarbon-workspace-folders (mapcar #'expand-file-name (json-read-from-string (zerocarbon-check--env "ZC_EMACS_FOLDERS" "[]")))
        zerocarbon-project-root (and root (expand-file-name root))
        eglot-sync-connect nil
        eglot-autoreconnect nil
        eglot-events-buffer-size 0)
  (setq zerocarbon-check--file file)
  (add-hook 'zerocarbon-mode-hook #'eglot-ensure)
  (find-file file)
  ;; eglot-ensure connects after the command that opened the file: there is no command loop in batch mode
  (run-hooks 'post-command-hook)
  (setq ok (zerocarbon-check--wait timeout (lambda () zerocarbon-check--published)))
  ;; Flymake takes what eglot received when it runs its back-end
  (when ok
    (flymake-start)
    (setq ok (zerocarbon-check--wait timeout (lambda () (memq 'eglot-flymake-backend (flymake-reporting-backends))))))
  (setq result (mapcar #'zerocarbon-check--diagnostic
                       (sort (flymake-diagnostics) (lambda (a b) (< (flymake-diagnostic-beg a) (flymake-diagnostic-beg b))))))
  (when (and ok lenses-wanted)
    (setq lenses (zerocarbon-check--wait timeout #'zerocarbon-check--lenses)
          ok (and lenses t)))
  (when (and ok complete)
    (setq completion (zerocarbon-check--complete complete)))
  (with-temp-file out
    (insert (json-encode
             `((diagnostics . ,(or result []))
               (completions . ,(or (cdr completion) []))
               (prefix . ,(car completion))
               (lenses . ,(or (mapcar (lambda (lens) `((line . ,(car lens)) (title . ,(cdr lens)))) (and (listp lenses) lenses)) []))
               (timedOut . ,(if ok :json-false t))
               (eglot . ,(zerocarbon-check--eglot-version))))))
  (set-buffer-modified-p nil)
  (ignore-errors (eglot-shutdown (eglot-current-server)))
  (kill-emacs (if ok 0 1)))

;;; check.el ends here
