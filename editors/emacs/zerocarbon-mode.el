;;; zerocarbon-mode.el --- Major mode for ZeroCarbon models (.zc) and the `zcw lsp' language server  -*- lexical-binding: t; -*-

;; Keywords: languages
;; Package-Requires: ((emacs "28.1"))

;;; Commentary:

;; A major mode for the ZeroCarbon modelling language (`*.zc'): highlighting (the keywords of the TextMate grammar
;; in editors/vscode, which the language's Xtext grammar generates), comments, strings, brace indentation with
;; tabs; and the registration of the language server `zcw lsp' with eglot (Emacs 29's built-in client, or the
;; eglot package on Emacs 28: Debian's elpa-eglot) and, if it is loaded, with lsp-mode.  In ~/.emacs:
;;
;;   (load "/path/to/zerocarbon/editors/emacs/zerocarbon-mode.el")
;;   (setq zerocarbon-server-command '("/path/to/zerocarbon/zcw" "lsp"))  ; default: zcw on the PATH
;;   (setq zerocarbon-workspace-folders '("~/models/factor-library"))    ; more workspace folders, optional
;;   (add-hook 'zerocarbon-mode-hook #'eglot-ensure)                      ; or #'lsp-deferred with lsp-mode
;;
;; The first workspace folder is `zerocarbon-project-root' if set, else the nearest directory above the file with
;; one of `zerocarbon-root-markers' (.git, pom.xml), else the project Emacs finds (project.el), else the file's
;; directory.  eglot then gives diagnostics (Flymake), completion, hover (ElDoc), definitions and references
;; (xref), `eglot-rename', `eglot-format-buffer' and `eglot-code-actions'.  eglot shows no code lenses:
;; `zerocarbon-footprints' asks the server for them and shows the footprints at the ends of their lines.
;; editors/emacs/check.el is the headless test of this set-up.

;;; Code:

(require 'cl-lib)
(require 'json)
(require 'project)
(require 'url-util)
(require 'seq)

(defgroup zerocarbon nil
  "ZeroCarbon models and the `zcw lsp' language server."
  :group 'languages
  :prefix "zerocarbon-")

(defcustom zerocarbon-server-command '("zcw" "lsp")
  "The command that starts the language server: a program and its arguments."
  :type '(repeat string))

(defcustom zerocarbon-workspace-folders nil
  "More workspace folders besides the project's, e.g. a factor library kept elsewhere.
The server treats all folders as one model set, as `zcw validate a/ b/' does."
  :type '(repeat directory))

(defcustom zerocarbon-root-markers '(".git" "pom.xml")
  "Files or directories whose nearest parent directory is the first workspace folder."
  :type '(repeat string))

(defcustom zerocarbon-project-root nil
  "The first workspace folder, when set; otherwise found from `zerocarbon-root-markers'."
  :type '(choice (const :tag "Found from the markers" nil) directory))

(defcustom zerocarbon-indent-offset 4
  "Columns per level of braces (indentation uses tabs of this width)."
  :type 'integer)

;;;; Highlighting: the word lists of editors/vscode/syntaxes/zerocarbon.tmLanguage.json (EmacsEglotTest compares them)

(defconst zerocarbon-declaration-keywords
  '("actuator" "asset" "certificate" "component" "controller" "credit" "criteria" "criterion" "emission"
    "energy" "factor" "factors" "fuel" "function" "functional" "item" "line" "loop" "machine" "meter"
    "methodology" "operation" "parameter" "park" "process" "product" "production" "refrigerant" "saving"
    "scenario" "sensor" "setpoint" "site" "source" "subassembly" "supply" "twin" "unit" "utility")
  "Keywords that declare an element (the grammar's storage.type).")

(defconst zerocarbon-operator-keywords
  '("and" "every" "has" "implies" "no" "not" "or" "some")
  "The criteria's operator words.")

(defconst zerocarbon-keywords
  '("account" "allocation" "annual" "area" "as" "at" "basis" "below" "between" "biogenic" "by" "calorific"
    "capacity" "caveat" "charge" "check" "clause" "clean" "column" "compare" "completeness" "controls"
    "conversion" "count" "counter" "current" "cutoff" "data" "decimal" "declared" "default" "delimiter"
    "delivers" "drives" "electricity" "emissions" "emits" "end" "epd" "extends" "file" "flow" "for" "format"
    "fossil" "from" "gap" "geographical" "grid" "gsd" "gwp" "header" "hours" "import" "in" "input"
    "installation" "leaks" "licence" "life" "lines" "location" "luluc" "maps" "market" "mass" "material"
    "measures" "message" "mode" "module" "of" "on" "operator" "output" "over" "package" "path" "pedigree" "per"
    "period" "phases" "probe" "profile" "program" "range" "rate" "rated" "reads" "recovered" "reference"
    "refresh" "region" "reliability" "removals" "require" "required" "residual" "retired" "rollover" "satisfies"
    "scenarios" "sd" "separately" "service" "set" "severity" "share" "shifts" "specific" "split" "stage"
    "standard" "state" "subtype" "supplies" "technological" "temporal" "threshold" "timestamp" "title" "to"
    "tolerance" "tracking" "transport" "type" "uncertainty" "until" "url" "use" "valid" "value" "verifier"
    "version" "vintage" "voltage" "weight" "where" "year" "zone")
  "The other keywords.")

(defconst zerocarbon-boolean-keywords '("false" "true")
  "The boolean literals.")

(defconst zerocarbon-constant-keywords
  '("A1" "A2" "A3" "A4" "A5" "AR4" "AR5" "AR6" "B1" "B2" "B3" "B4" "B5" "B6" "B7" "C1" "C2" "C3" "C4" "D" "air"
    "buildings" "chemical" "chiller" "chips" "chp" "cmm" "co2" "co2e" "coal" "compressedAir" "compressor"
    "consumable" "contractual" "control" "coolant" "cooling" "csv" "delivered" "development" "direct" "economic"
    "ecosystems" "edm" "electrical" "error" "feed" "gec" "go" "greenDirect" "grinder" "hardware" "heat"
    "heating" "hightech" "hmc" "hvac" "hydraulics" "incineration" "industrial" "info" "infrastructure" "irec"
    "landfill" "laser" "lighting" "logistics" "lognormal" "lubrication" "machineHour" "measured" "mechanical"
    "microgrid" "millturn" "mixed" "mpc" "mtconnect" "normal" "off" "onsite" "opcua" "other" "physical" "pid"
    "piece" "power" "ppa" "pressure" "primary" "primaryShare" "processing" "pump" "pv" "rail" "ready" "rec"
    "reconciled" "recycling" "reuse" "rule" "schedule" "scope1" "scope2" "scope3" "secondary" "ship" "software"
    "spare" "spindle" "standby" "standbyCommand" "storage" "supplier" "switch" "tariff" "temperature" "thermal"
    "triangular" "truck" "turning" "uniform" "vacuum" "valve" "van" "vfd" "vmc" "warmup" "warning" "washer"
    "waste" "wind")
  "Enumeration literals: life-cycle modules, machine kinds, states, distributions, formats ...")

(defconst zerocarbon--all-keywords
  (let ((table (make-hash-table :test #'equal)))
    (dolist (words (list zerocarbon-declaration-keywords zerocarbon-operator-keywords zerocarbon-keywords
                         zerocarbon-boolean-keywords zerocarbon-constant-keywords))
      (dolist (word words)
        (puthash word t table)))
    table)
  "Every keyword: a unit is a name that is none of them.")

(defconst zerocarbon--name-regexp "\\^?[A-Za-z_][A-Za-z0-9_]*"
  "A name; `^' escapes a keyword.")

(defconst zerocarbon--unit-regexp "\\(\\^?[A-Za-z_][A-Za-z0-9_]*\\)\\(?:\\^[0-9]+\\)?"
  "One symbol of a unit (group 1 its name), with an optional power: kW, m^2.")

(defun zerocarbon--unit-name-p (start end)
  "Whether the text from START to END can name a unit: a name that is not a keyword."
  (not (gethash (buffer-substring-no-properties start end) zerocarbon--all-keywords)))

(defun zerocarbon--match-quantity (limit)
  "Font-lock matcher of a number and its unit before LIMIT: group 1 the number, group 2 the unit.
The unit is a product or quotient of unit symbols (kgCO2e/kWh, parts/h) or %, as in the TextMate grammar."
  (let (found)
    (while (and (not found)
                (re-search-forward "\\(?:^\\|[^[:alnum:]_.]\\)\\([0-9]+\\(?:\\.[0-9]+\\)?\\(?:[eE][+-]?[0-9]+\\)?\\)" limit t))
      (let ((number-start (match-beginning 1)) (number-end (match-end 1)) unit-start unit-end)
        (unless (nth 8 (save-excursion (syntax-ppss number-start)))
          (goto-char number-end)
          (cond
           ((looking-at "[ \t]*\\(%\\)")
            (setq unit-start (match-beginning 1) unit-end (match-end 1)))
           ((and (looking-at (concat "[ \t]*" zerocarbon--unit-regexp))
                 (zerocarbon--unit-name-p (match-beginning 1) (match-end 1))
                 (<= (match-end 0) limit))
            (setq unit-start (match-beginning 1) unit-end (match-end 0))
            (goto-char unit-end)
            (while (and (looking-at (concat "[ \t]*[/*][ \t]*" zerocarbon--unit-regexp))
                        (zerocarbon--unit-name-p (match-beginning 1) (match-end 1))
                        (<= (match-end 0) limit))
              (setq unit-end (match-end 0))
              (goto-char unit-end))))
          (goto-char (or unit-end number-end))
          (setq found t)
          (set-match-data (list number-start (or unit-end number-end) number-start number-end unit-start unit-end)))))
    found))

(defun zerocarbon--words (words)
  "A regexp matching one of WORDS as a whole symbol, not after `^' (which makes a keyword a name)."
  (concat "\\(?:^\\|[^^]\\)\\_<\\(" (regexp-opt words) "\\)\\_>"))

(defconst zerocarbon-font-lock-keywords
  `((zerocarbon--match-quantity (1 font-lock-constant-face) (2 font-lock-type-face nil t))
    (,(concat "^[ \t]*\\(?:\\(?:" (regexp-opt zerocarbon-keywords) "\\)[ \t]+\\)*\\_<"
              (regexp-opt zerocarbon-declaration-keywords) "\\_>[ \t]+\\(" zerocarbon--name-regexp "\\)")
     1 font-lock-function-name-face)
    (,(zerocarbon--words zerocarbon-declaration-keywords) 1 font-lock-keyword-face)
    (,(zerocarbon--words zerocarbon-operator-keywords) 1 font-lock-keyword-face)
    (,(zerocarbon--words zerocarbon-keywords) 1 font-lock-builtin-face)
    (,(zerocarbon--words (append zerocarbon-boolean-keywords zerocarbon-constant-keywords)) 1 font-lock-constant-face)
    ("->\\|!=\\|<=\\|>=\\|[<>=×÷−]" . font-lock-keyword-face))
  "Highlighting of `zerocarbon-mode'.")

(defvar zerocarbon-mode-syntax-table
  (let ((table (make-syntax-table)))
    (modify-syntax-entry ?/ ". 124b" table)
    (modify-syntax-entry ?* ". 23" table)
    (modify-syntax-entry ?\n "> b" table)
    (modify-syntax-entry ?\" "\"" table)
    (modify-syntax-entry ?' "\"" table)
    (modify-syntax-entry ?\\ "\\" table)
    (modify-syntax-entry ?_ "_" table)
    (modify-syntax-entry ?^ "." table)
    (modify-syntax-entry ?% "." table)
    (modify-syntax-entry ?. "." table)
    table)
  "Syntax table of `zerocarbon-mode': C-style comments, strings in double or single quotes.")

;;;; Indentation

(defun zerocarbon-indent-line ()
  "Indent the line by its depth of braces and parentheses."
  (interactive)
  (let* ((depth (save-excursion
                  (beginning-of-line)
                  (let ((ppss (syntax-ppss)))
                    (if (nth 8 ppss)
                        nil
                      (skip-chars-forward " \t")
                      (max 0 (- (car ppss) (if (looking-at-p "[})]") 1 0)))))))
         (offset (- (current-column) (current-indentation))))
    (when depth
      (indent-line-to (* depth zerocarbon-indent-offset))
      (when (> offset 0)
        (move-to-column (+ (current-indentation) offset))))))

;;;; The mode

(defvar zerocarbon-footprints-mode)

;;;###autoload
(define-derived-mode zerocarbon-mode prog-mode "ZeroCarbon"
  "Major mode for ZeroCarbon models (*.zc).
\\{zerocarbon-mode-map}"
  :syntax-table zerocarbon-mode-syntax-table
  (setq-local font-lock-defaults '(zerocarbon-font-lock-keywords))
  (setq-local comment-start "// ")
  (setq-local comment-end "")
  (setq-local comment-start-skip "\\(?://+\\|/\\*+\\)\\s *")
  (setq-local indent-line-function #'zerocarbon-indent-line)
  (setq-local indent-tabs-mode t)
  (setq-local tab-width zerocarbon-indent-offset)
  (setq-local electric-indent-chars (append '(?\{ ?\}) electric-indent-chars)))

;;;###autoload
(add-to-list 'auto-mode-alist '("\\.zc\\'" . zerocarbon-mode))

;;;; The workspace: the first folder (a project of its own kind) and the others

(defun zerocarbon--project-find (dir)
  "For `project-find-functions': the project of a .zc file in DIR, (zerocarbon . ROOT).
ROOT is `zerocarbon-project-root', or the nearest directory above DIR with one of `zerocarbon-root-markers';
nil when there is neither, so that the other project back-ends are asked."
  (when (derived-mode-p 'zerocarbon-mode)
    (let ((root (or (and zerocarbon-project-root (file-name-as-directory (expand-file-name zerocarbon-project-root)))
                    (cl-some (lambda (marker) (locate-dominating-file dir marker)) zerocarbon-root-markers))))
      (and root (cons 'zerocarbon (file-name-as-directory (expand-file-name root)))))))

(cl-defmethod project-root ((project (head zerocarbon)))
  "The first workspace folder of a ZeroCarbon PROJECT."
  (cdr project))

(add-hook 'project-find-functions #'zerocarbon--project-find)

(defun zerocarbon--folder (dir)
  "The LSP workspace folder of DIR, as a JSON object (a plist)."
  (let ((path (directory-file-name (expand-file-name dir))))
    (list :uri (concat "file://" (url-hexify-string path url-path-allowed-chars))
          :name (file-name-nondirectory path))))

(defun zerocarbon--server-command (&optional _interactive)
  "The server command for eglot: `zerocarbon-server-command' with the class whose workspace folders are ours."
  (cons 'zerocarbon-eglot-server zerocarbon-server-command))

;;;; eglot

(with-eval-after-load 'eglot
  (defclass zerocarbon-eglot-server (eglot-lsp-server) ()
    "The connection to `zcw lsp': its workspace folders add `zerocarbon-workspace-folders'.")
  (cl-defmethod eglot-workspace-folders ((_server zerocarbon-eglot-server))
    "The project's folders, then `zerocarbon-workspace-folders'."
    (vconcat (cl-call-next-method) (mapcar #'zerocarbon--folder zerocarbon-workspace-folders)))
  (add-to-list 'eglot-server-programs '((zerocarbon-mode :language-id "zc") . zerocarbon--server-command)))

;;;; Footprints: the server's code lenses, which eglot does not show

(defcustom zerocarbon-footprints-delay 1.0
  "Seconds of idleness after a change before `zerocarbon-footprints-mode' asks for the footprints again."
  :type 'number)

(defface zerocarbon-footprint '((t :inherit shadow))
  "The face of the footprints at the ends of lines.")

(defvar-local zerocarbon--footprint-overlays nil
  "The overlays that show the footprints of the buffer.")

(defvar-local zerocarbon--footprints-tick nil
  "The buffer's modification tick when its footprints were last asked for.")

(declare-function eglot--current-server-or-lose "eglot")
(declare-function eglot--TextDocumentIdentifier "eglot")
(declare-function eglot-managed-p "eglot")
(declare-function jsonrpc-request "jsonrpc")
(declare-function jsonrpc-async-request "jsonrpc")

(defun zerocarbon--show-footprints (buffer lenses)
  "Show the code LENSES (the server's answer, a vector of plists) in BUFFER; the list of (LINE . TITLE).
LINE is zero-based; TITLE is nil for a lens the server has not computed yet."
  (when (buffer-live-p buffer)
    (with-current-buffer buffer
      (mapc #'delete-overlay zerocarbon--footprint-overlays)
      (setq zerocarbon--footprint-overlays nil)
      (let (shown)
        (save-excursion
          (save-restriction
            (widen)
            (seq-doseq (lens lenses)
              (let ((line (plist-get (plist-get (plist-get lens :range) :start) :line))
                    (title (plist-get (plist-get lens :command) :title)))
                (push (cons line title) shown)
                (when title
                  (goto-char (point-min))
                  (forward-line line)
                  (let ((overlay (make-overlay (line-end-position) (line-end-position) nil t)))
                    (overlay-put overlay 'zerocarbon-footprint t)
                    (overlay-put overlay 'after-string (propertize (concat "  " title) 'face 'zerocarbon-footprint))
                    (push overlay zerocarbon--footprint-overlays)))))))
        (nreverse shown)))))

(defun zerocarbon-footprints (&optional wait)
  "Show the footprints the server computes (its code lenses) at the ends of their lines.
With WAIT, ask synchronously and return the list of (LINE . TITLE) shown, LINE zero-based."
  (interactive)
  (let ((server (eglot--current-server-or-lose))
        (params (list :textDocument (eglot--TextDocumentIdentifier)))
        (buffer (current-buffer)))
    (setq zerocarbon--footprints-tick (buffer-chars-modified-tick))
    (if wait
        (zerocarbon--show-footprints buffer (jsonrpc-request server :textDocument/codeLens params :timeout 60))
      (jsonrpc-async-request server :textDocument/codeLens params
                             :success-fn (lambda (lenses) (zerocarbon--show-footprints buffer lenses))
                             :deferred :textDocument/codeLens)
      nil)))

(defun zerocarbon--footprints-refresh (buffer)
  "Ask for the footprints of BUFFER again if it changed since they were last asked for."
  (when (buffer-live-p buffer)
    (with-current-buffer buffer
      (when (and zerocarbon-footprints-mode (eglot-managed-p)
                 (not (eql zerocarbon--footprints-tick (buffer-chars-modified-tick))))
        (zerocarbon-footprints)))))

(defvar-local zerocarbon--footprints-timer nil
  "The idle timer of `zerocarbon-footprints-mode'.")

(define-minor-mode zerocarbon-footprints-mode
  "Show the footprints of lines, parks and machines (the server's code lenses) and keep them up to date."
  :lighter nil
  (when zerocarbon--footprints-timer
    (cancel-timer zerocarbon--footprints-timer)
    (setq zerocarbon--footprints-timer nil))
  (if zerocarbon-footprints-mode
      (let ((buffer (current-buffer)))
        (setq zerocarbon--footprints-tick nil
              zerocarbon--footprints-timer
              (run-with-idle-timer zerocarbon-footprints-delay t #'zerocarbon--footprints-refresh buffer))
        (add-hook 'kill-buffer-hook (lambda () (zerocarbon-footprints-mode -1)) nil t))
    (mapc #'delete-overlay zerocarbon--footprint-overlays)
    (setq zerocarbon--footprint-overlays nil)))

(defun zerocarbon--eglot-managed ()
  "In a ZeroCarbon buffer that eglot manages, turn on `zerocarbon-footprints-mode'."
  (when (derived-mode-p 'zerocarbon-mode)
    (zerocarbon-footprints-mode (if (eglot-managed-p) 1 -1))))

(add-hook 'eglot-managed-mode-hook #'zerocarbon--eglot-managed)

;;;; lsp-mode

(defvar lsp-language-id-configuration)
(declare-function lsp-register-client "lsp-mode")
(declare-function make-lsp-client "lsp-mode")
(declare-function lsp-stdio-connection "lsp-mode")

(with-eval-after-load 'lsp-mode
  (add-to-list 'lsp-language-id-configuration '(zerocarbon-mode . "zc"))
  (lsp-register-client
   (make-lsp-client :new-connection (lsp-stdio-connection (lambda () zerocarbon-server-command))
                    :major-modes '(zerocarbon-mode)
                    :server-id 'zcw-lsp)))

(provide 'zerocarbon-mode)
;;; zerocarbon-mode.el ends here
