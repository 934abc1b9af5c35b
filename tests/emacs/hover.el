;;; hover.el --- drives `gloss lsp' through eglot in batch Emacs  -*- lexical-binding: t -*-
;; Opens a Python file, hovers a list comprehension, asks for code actions and
;; opens the explanation, all through eglot's own connection, then exits 0 only
;; if each answer carries the expected tip. Written against Emacs 28 with
;; Debian 12's elpa-eglot 1.9; Emacs 29 and later have eglot built in.

(defun gloss-test-finish (ok message)
  (princ (concat message "\n"))
  (kill-emacs (if ok 0 1)))

(defun gloss-test-wait (seconds what predicate)
  "Run the event loop until PREDICATE is true; fail after SECONDS naming WHAT."
  (let ((deadline (+ (float-time) seconds)))
    (while (not (funcall predicate))
      (when (> (float-time) deadline)
        (gloss-test-finish nil (format "FAIL: timed out after %ss waiting for %s" seconds what)))
      (accept-process-output nil 0.05))))

;; docs/editors.md's command for eglot before Emacs 30, which cannot open the
;; page the server asks it to show; keep the two copies the same.
(defun gloss-explain ()
  "Open Gloss's longer explanation of the construct at point."
  (interactive)
  (let* ((here (eglot--TextDocumentPositionParams))
         (page (jsonrpc-request (eglot--current-server-or-lose) :workspace/executeCommand
                                `(:command "gloss.explain"
                                  :arguments [(:uri ,(plist-get (plist-get here :textDocument) :uri)
                                               :position ,(plist-get here :position))]))))
    (find-file-other-window (eglot--uri-to-path (plist-get page :uri)))))

(let ((gloss (getenv "GLOSS_BINARY"))
      (fixture (getenv "GLOSS_FIXTURE")))
  (unless (and gloss fixture) (gloss-test-finish nil "FAIL: GLOSS_BINARY or GLOSS_FIXTURE not set"))
  (unless (require 'eglot nil t)
    (gloss-test-finish nil "FAIL: eglot is not installed (Debian 12: apt-get install elpa-eglot)"))
  (condition-case err
      (progn
        ;; The set-up docs/editors.md shows, with the binary's path.
        (add-to-list 'eglot-server-programs
                     `((python-mode python-ts-mode)
                       . (,gloss "lsp" :initializationOptions (:level "beginner"))))
        (setq-default eglot-workspace-configuration '(:gloss (:level "beginner")))
        (add-hook 'python-mode-hook #'eglot-ensure)
        ;; Block while connecting; eglot gives up (an error) after the timeout.
        (setq eglot-sync-connect t eglot-connect-timeout 10)

        (find-file fixture)
        (unless (derived-mode-p 'python-mode)
          (gloss-test-finish nil (format "FAIL: %s opened in %s, not python-mode" fixture major-mode)))
        ;; eglot-ensure connects from the command loop, which batch Emacs lacks.
        (condition-case err
            (run-hooks 'post-command-hook)
          (error (gloss-test-finish nil (format "FAIL: eglot could not start or connect to %s: %s"
                                                gloss (error-message-string err)))))
        (gloss-test-wait 10 "eglot to manage the buffer"
                         (lambda () (and (eglot-current-server) (bound-and-true-p eglot--managed-mode))))

        ;; The cursor goes on the "for" of the comprehension.
        (goto-char (point-min))
        (search-forward " for ")
        (goto-char (1+ (match-beginning 0)))

        ;; Hover as eldoc asks for it; eglot renders the answer.
        (let (hover done)
          (eglot-hover-eldoc-function (lambda (info &rest _) (setq hover info done t)))
          (gloss-test-wait 10 "the hover reply" (lambda () done))
          (unless (and (stringp hover) (string-search "List comprehension" hover))
            (gloss-test-finish nil (format "FAIL: hover did not show the list comprehension tip; got: %S" hover)))

          (let* ((actions (eglot-code-actions (point) nil))
                 (titles (mapcar (lambda (action) (plist-get action :title)) actions)))
            (unless (member "Explain this: List comprehension" titles)
              (gloss-test-finish nil (format "FAIL: no \"Explain this\" action; got: %S" titles)))

            (let ((server (eglot-current-server)))
              (gloss-explain)
              (unless (and buffer-file-name (string-suffix-p ".md" buffer-file-name)
                           (string-search "List comprehension" (buffer-string)))
                (gloss-test-finish nil (format "FAIL: gloss-explain opened %S, not the explanation"
                                               (or buffer-file-name (buffer-name)))))
              (let ((page (file-name-nondirectory buffer-file-name)))
                (ignore-errors (eglot-shutdown server))
                (gloss-test-finish t (format "PASS: Emacs hover: %s | actions: %s | explanation: %s"
                                             (car (split-string hover "\n"))
                                             (string-join titles ", ")
                                             page)))))))
    (error (gloss-test-finish nil (format "FAIL: %s" (error-message-string err))))))
