// Mozilla Readability as a long-running peer extractor.
//
// Reads one JSON object a line on stdin: {"id", "html", "url"}; writes one a line on stdout:
// {"id", "title", "text", "micros"} or {"id", "error", "micros"}. The process stays up for the whole run so
// that node start-up and module loading are paid once and are not counted as extraction time; `micros`
// covers DOM parsing, Readability and turning the article into text, which is what a caller would pay
// per page in a warm process.
//
// The article is turned into text the way the datasets' truth is: one paragraph a block (block elements,
// line breaks and <pre> lines each end a paragraph), whitespace collapsed, paragraphs joined by blank lines.

import { createInterface } from "node:readline";
import { JSDOM, VirtualConsole } from "jsdom";
import { Readability } from "@mozilla/readability";

const BLOCK_TAGS = new Set([
  "address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "div", "dl", "dt",
  "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
  "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot",
  "th", "thead", "tr", "ul",
]);

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** Collects paragraphs from a DOM subtree: each block boundary closes the paragraph being built. */
class ParagraphWriter {
  constructor() {
    this.paragraphs = [];
    this.current = "";
  }

  append(text) {
    this.current += text;
  }

  close() {
    const paragraph = this.current.replace(/\s+/g, " ").trim();
    if (paragraph.length > 0) {
      this.paragraphs.push(paragraph);
    }
    this.current = "";
  }

  walk(node, inPre) {
    for (let child = node.firstChild; child !== null; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE) {
        if (inPre) {
          // Code keeps its line structure: every source line is a paragraph of its own.
          const lines = child.data.split("\n");
          lines.forEach((line, i) => {
            if (i > 0) {
              this.close();
            }
            this.append(line);
          });
        } else {
          this.append(child.data);
        }
      } else if (child.nodeType === ELEMENT_NODE) {
        const tag = child.localName;
        if (tag === "script" || tag === "style" || tag === "noscript" || tag === "template") {
          continue;
        }
        const block = BLOCK_TAGS.has(tag);
        if (block) {
          this.close();
        }
        this.walk(child, inPre || tag === "pre");
        if (block) {
          this.close();
        }
      }
    }
  }
}

function articleText(element) {
  const writer = new ParagraphWriter();
  writer.walk(element, false);
  writer.close();
  return writer.paragraphs.join("\n\n");
}

// jsdom reports unparsable CSS and the like on its console; a silent one keeps stdout a clean JSON stream.
const silentConsole = new VirtualConsole();

function extract(html, url) {
  const options = { virtualConsole: silentConsole };
  if (typeof url === "string" && /^https?:\/\//i.test(url)) {
    options.url = url;
  }
  const dom = new JSDOM(html, options);
  try {
    // The serializer hands back the article element itself, so it is walked without a second parse.
    const article = new Readability(dom.window.document, { serializer: (el) => el }).parse();
    if (article === null) {
      return { title: "", text: "" };
    }
    return { title: article.title ?? "", text: article.content ? articleText(article.content) : "" };
  } finally {
    dom.window.close();
  }
}

const input = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of input) {
  if (line.trim().length === 0) {
    continue;
  }
  let id = null;
  const started = process.hrtime.bigint();
  let reply;
  try {
    const request = JSON.parse(line);
    id = request.id ?? null;
    const { title, text } = extract(String(request.html ?? ""), request.url);
    reply = { id, title, text, micros: Number((process.hrtime.bigint() - started) / 1000n) };
  } catch (error) {
    reply = { id, error: String(error?.message ?? error), micros: Number((process.hrtime.bigint() - started) / 1000n) };
  }
  process.stdout.write(JSON.stringify(reply) + "\n");
}
