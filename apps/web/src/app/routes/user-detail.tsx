export default function Stub() { return <p>user-detail</p>; }
