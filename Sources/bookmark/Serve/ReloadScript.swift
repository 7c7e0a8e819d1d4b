/// The script `bookmark serve` adds to every HTML page it serves, and only there.
///
/// It listens to `/__bookmark/events`: a `build` event with another version than the page's
/// reloads the page; a `problems` event shows the errors over the page. It is served from
/// the same origin (not inline) so that a theme's Content-Security-Policy of `'self'` still
/// allows it, and it only ever sets `textContent`, never HTML, so no message can inject markup.
enum ReloadScript {
    static let path = "/__bookmark/reload.js"
    static let eventsPath = "/__bookmark/events"

    /// The tag inserted before `</body>`; `version` is the build the page came from.
    static func tag(version: String) -> String {
        "<script src=\"\(path)?v=\(version)\" defer></script>"
    }

    /// `html` with the tag before its last `</body>`, or at its end when it has none.
    static func inject(into html: String, version: String) -> String {
        let tag = tag(version: version)
        guard let range = html.range(of: "</body>", options: [.caseInsensitive, .backwards]) else {
            return html + tag
        }
        return html.replacingCharacters(in: range.lowerBound..<range.lowerBound, with: tag)
    }

    static let source = #"""
        (() => {
          "use strict";
          const pageVersion = new URL(document.currentScript.src).searchParams.get("v");
          let overlay = null;

          function hideOverlay() {
            if (overlay) { overlay.remove(); overlay = null; }
          }

          function element(tag, text, style) {
            const node = document.createElement(tag);
            if (text !== undefined) node.textContent = text;
            if (style) Object.assign(node.style, style);
            return node;
          }

          function showOverlay(problems) {
            hideOverlay();
            overlay = element("section", undefined, {
              position: "fixed", inset: "0", zIndex: "2147483647", overflow: "auto",
              background: "rgba(255, 255, 255, 0.97)", color: "#222", padding: "1.5rem",
              font: "16px/1.6 system-ui, sans-serif", borderTop: "6px solid #b00020"
            });
            overlay.setAttribute("role", "alert");
            overlay.setAttribute("aria-label", "bookmark serve のエラー");
            overlay.append(element("h2", "エラーがあるため、サイトを更新できません", { margin: "0 0 .5rem", fontSize: "1.25rem" }));
            overlay.append(element("p", "直して保存すると、自動で読み込み直します。それまでは前のサイトを表示しています。", { margin: "0 0 1rem" }));
            const list = element("ol", undefined, { paddingLeft: "1.5rem" });
            for (const problem of problems) {
              const item = element("li", undefined, { marginBottom: ".75rem" });
              item.append(element("code", problem.location, { fontWeight: "bold", wordBreak: "break-all" }));
              item.append(element("div", problem.severity + "[" + problem.code + "] " + problem.message));
              if (problem.hint) item.append(element("div", "ヒント: " + problem.hint, { color: "#555" }));
              list.append(item);
            }
            overlay.append(list);
            const close = element("button", "閉じる", { font: "inherit", padding: ".25rem 1rem" });
            close.type = "button";
            close.addEventListener("click", hideOverlay);
            overlay.append(close);
            document.body.append(overlay);
          }

          const events = new EventSource("/__bookmark/events");
          events.addEventListener("build", (event) => {
            if (event.data !== pageVersion) location.reload();
            else hideOverlay();
          });
          events.addEventListener("problems", (event) => {
            showOverlay(JSON.parse(event.data));
          });
        })();
        """#
}
