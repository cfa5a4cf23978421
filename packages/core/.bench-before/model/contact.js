export {};
//# sourceMappingURL=contact.js.map