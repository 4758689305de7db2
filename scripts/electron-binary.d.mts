export declare const electronDir: string;
export declare function electronBinary(): string | null;
