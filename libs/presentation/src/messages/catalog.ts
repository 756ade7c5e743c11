import { en } from './catalog.en';

/** The shape of every language's texts: English's, with any string in each place. */
export type Catalog = Texts<typeof en>;
type Texts<T> = { [K in keyof T]: T[K] extends string ? string : Texts<T[K]> };

/** Dot paths to each text, with plural forms (`seats_one`, `seats_other`) named once (`seats`). */
export type MessageKey = Paths<typeof en>;
type Paths<T> = {
  [K in keyof T & string]: T[K] extends string ? WithoutPlural<K> : `${K}.${Paths<T[K]>}`;
}[keyof T & string];
type WithoutPlural<K extends string> =
  K extends `${infer Base}_${'zero' | 'one' | 'two' | 'few' | 'many' | 'other'}` ? Base : K;
