import type { FC, PropsWithChildren } from "hono/jsx";
import type { Book } from "./books";

export const Layout: FC<PropsWithChildren<{ title: string }>> = ({ title, children }) => (
  <html lang="en">
    <head>
      <meta charset="utf-8" />
      <title>{title}</title>
    </head>
    <body>{children}</body>
  </html>
);

export const Greeting: FC<{ name: string; excited?: boolean }> = ({ name, excited = false }) => (
  <>
    <h1 class="greeting">Hello, {name}{excited ? "!" : "."}</h1>
    <p>This page was rendered with hono/jsx.</p>
  </>
);

export const BookList: FC<{ books: readonly Book[] }> = ({ books }) => (
  <ul id="books">
    {books.map((book) => (
      <li key={book.id} data-year={book.year}>
        <strong>{book.title}</strong> by {book.author}
        {book.tags.length > 0 && <small> ({book.tags.join(", ")})</small>}
      </li>
    ))}
  </ul>
);

// An async component: hono/jsx awaits it while rendering.
export const BookCount: FC<{ load: () => Promise<number> }> = async ({ load }) => {
  const count = await load();
  return <footer>{count} books</footer>;
};
