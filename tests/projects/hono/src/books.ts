export interface Book {
  id: number;
  title: string;
  author: string;
  year: number;
  tags: string[];
}

export type NewBook = Omit<Book, "id">;

export class BookStore {
  private nextId: number;

  constructor(private readonly books: Book[]) {
    this.nextId = Math.max(...books.map((b) => b.id)) + 1;
  }

  all(): readonly Book[] {
    return this.books;
  }

  find(id: number): Book | undefined {
    return this.books.find((b) => b.id === id);
  }

  byTag(tag: string): Book[] {
    return this.books.filter((b) => b.tags.includes(tag));
  }

  preview(book: NewBook): Book {
    return { id: this.nextId, ...book };
  }
}

export const SEED = [
  { id: 1, title: "The Pragmatic Programmer", author: "Hunt & Thomas", year: 1999, tags: ["craft", "classic"] },
  { id: 2, title: "Structure and Interpretation of Computer Programs", author: "Abelson & Sussman", year: 1985, tags: ["classic", "lisp"] },
  { id: 3, title: "Designing Data-Intensive Applications", author: "Kleppmann", year: 2017, tags: ["systems"] },
] satisfies Book[];
