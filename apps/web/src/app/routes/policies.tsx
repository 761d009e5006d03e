export default function Stub() { return <p>policies</p>; }
